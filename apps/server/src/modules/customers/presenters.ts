import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import { IDENTITY_KINDS } from "./schema.ts";
import type { Customer } from "./service.ts";

export const IdentitySchema = Type.Object({ kind: Type.Enum(IDENTITY_KINDS), value: Type.String() });

export const CustomerSchema = Type.Object({
  id: Uuid,
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  externalId: Type.Union([Type.String(), Type.Null()]),
  identities: Type.Array(IdentitySchema),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  notes: Type.String(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const presentCustomer = (c: Customer) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  externalId: c.externalId,
  identities: c.identities,
  attributes: c.attributes,
  notes: c.notes,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
