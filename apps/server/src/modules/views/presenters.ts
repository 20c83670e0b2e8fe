import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import { SORTS } from "../conversations/service.ts";
import { ChannelSchema, PrioritySchema, StatusSchema } from "../conversations/presenters.ts";
import type { View } from "./service.ts";

const Tag = Type.String({ minLength: 1, maxLength: 100 });

export const ViewFiltersSchema = Type.Object(
  {
    status: Type.Optional(Type.Array(StatusSchema, { maxItems: 10, uniqueItems: true })),
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal("me"), Type.Literal("none")], { description: "A user id, \"me\" (whoever opens the view) or \"none\"." })),
    team: Type.Optional(Type.Union([Uuid, Type.Literal("none")])),
    tag: Type.Optional(Type.Array(Tag, { maxItems: 20, description: "Conversations carrying all of these tags." })),
    channel: Type.Optional(Type.Array(ChannelSchema, { maxItems: 10, uniqueItems: true })),
    priority: Type.Optional(Type.Array(PrioritySchema, { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const ViewSortSchema = Type.Enum(SORTS);

export const ViewSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  shared: Type.Boolean({ description: "Shared with the whole workspace; otherwise the caller's own." }),
  ownerId: Type.Union([Uuid, Type.Null()], { description: "Null for a shared view." }),
  filters: ViewFiltersSchema,
  sort: ViewSortSchema,
  position: Type.Integer(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentView = (v: View) => ({
  id: v.id,
  name: v.name,
  shared: v.ownerId === null,
  ownerId: v.ownerId,
  filters: v.filters,
  sort: v.sort,
  position: v.position,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});
