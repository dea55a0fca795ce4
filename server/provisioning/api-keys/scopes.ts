import { z } from "zod";

/**
 * What a key may do. A billing system that only reads usage for invoices needs `usage:read`;
 * one that opens and changes accounts needs `tenants:write`; suspending and terminating is kept
 * apart (`tenants:lifecycle`) because it cuts a customer's mail off.
 */
export const API_SCOPES = ["tenants:read", "tenants:write", "tenants:lifecycle", "usage:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ZApiScope = z.enum(API_SCOPES, { message: "Unknown scope" });

/**
 * Scopes only an operator key may hold. Suspending, lifting a suspension and terminating are
 * operator actions in the portal (billing/lifecycle/router.ts): a reseller key with them could
 * lift an operator's abuse suspension or terminate a client, which no reseller can do by hand.
 */
export const OPERATOR_ONLY_SCOPES: readonly ApiScope[] = ["tenants:lifecycle"];

/** The scopes a key of this owner may be given (the checkboxes, and the use cases' check). */
export const scopesFor = (ownerKind: "operator" | "reseller"): readonly ApiScope[] =>
  ownerKind === "operator" ? API_SCOPES : API_SCOPES.filter((s) => !OPERATOR_ONLY_SCOPES.includes(s));

/** The scopes stored on a key (a JSON array), tolerating names a later version may drop. */
export function scopesOf(stored: unknown): ApiScope[] {
  if (!Array.isArray(stored)) return [];
  return API_SCOPES.filter((s) => stored.includes(s));
}
