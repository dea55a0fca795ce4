import { z } from "zod";
import { API_SCOPES, ZApiScope, type ApiScope } from "./scopes";

const ZName = z
  .string({ message: "Name the key, e.g. after the billing system that uses it" })
  .trim()
  .min(1, "Name the key, e.g. after the billing system that uses it")
  .max(80, "At most 80 characters");

const ZScopes = z
  .array(ZApiScope, { message: "Choose at least one permission" })
  .min(1, "Choose at least one permission")
  .max(API_SCOPES.length)
  .transform((scopes) => API_SCOPES.filter((s) => scopes.includes(s)));

export const ZApiKeyId = z.string({ message: "Choose a key" }).trim().min(1, "Choose a key").max(191, "Not a key id");

export const ZCreateApiKeyRequest = z.object({
  name: ZName,
  scopes: ZScopes,
  /** Empty: the key never expires (revoke it to stop it). */
  expiresInDays: z.number({ message: "Days must be a number" }).int("Whole days").min(1, "At least 1 day").max(3650, "At most 3650 days (10 years)").nullish(),
});
export type TCreateApiKeyRequest = z.infer<typeof ZCreateApiKeyRequest>;

export const ZUpdateApiKeyRequest = z.object({ apiKeyId: ZApiKeyId, name: ZName.optional(), scopes: ZScopes.optional() });
export type TUpdateApiKeyRequest = z.infer<typeof ZUpdateApiKeyRequest>;

export const ZApiKeyIdRequest = z.object({ apiKeyId: ZApiKeyId });

/** Whose keys a caller manages: an operator all of them, a reseller its own. */
export type KeyOwner = { kind: "operator" } | { kind: "reseller"; resellerId: string };

export type ApiKeyState = "active" | "expired" | "revoked";

export type ApiKeyRow = {
  id: string;
  name: string;
  ownerKind: "operator" | "reseller";
  resellerId: string | null;
  resellerName: string | null;
  prefix: string;
  scopes: ApiScope[];
  state: ApiKeyState;
  createdAt: Date;
  createdByEmail: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** A new key with its secret: the only time the secret leaves the server. */
export type CreatedApiKey = ApiKeyRow & { secret: string };
