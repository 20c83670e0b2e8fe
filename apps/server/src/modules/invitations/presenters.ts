import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import { RoleSchema } from "../workspaces/presenters.ts";
import type { Invitation } from "./service.ts";

export const InvitationSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  invitedBy: Type.Union([Uuid, Type.Null()]),
  expiresAt: IsoDate,
  createdAt: IsoDate,
});

export const presentInvitation = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  invitedBy: i.invitedBy,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});
