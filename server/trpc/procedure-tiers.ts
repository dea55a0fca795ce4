import type { AnyProcedure } from "@trpc/server";
import {
  accountProcedure,
  authedProcedure,
  clientProcedure,
  customerProcedure,
  mailboxProcedure,
  operatorProcedure,
  publicProcedure,
  resellerProcedure,
} from "./procedures";

// Which tier (server/trpc/procedures.ts) a procedure is built on, read from the procedure itself:
// a procedure built on a tier starts with that tier's middlewares (tRPC keeps them, by identity,
// on _def.middlewares). The generated authorisation matrix derives who may call what from this.

export type Tier = "public" | "account" | "authed" | "customer" | "reseller" | "client" | "mailbox" | "operator";

type Built = { _def: { middlewares: readonly unknown[] } };
const middlewaresOf = (p: unknown) => (p as Built)._def.middlewares;

export const TIER_BUILDERS: Record<Tier, unknown> = {
  public: publicProcedure,
  account: accountProcedure,
  authed: authedProcedure,
  customer: customerProcedure,
  reseller: resellerProcedure,
  client: clientProcedure,
  mailbox: mailboxProcedure,
  operator: operatorProcedure,
};

const startsWith = (list: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.length <= list.length && prefix.every((m, i) => list[i] === m);

/**
 * The tier whose middlewares are the longest prefix of the procedure's, or null when none is
 * (a procedure built on something else, e.g. a builder that is not one of the tiers). Two tiers
 * with prefixes of the same length cannot both match: they differ in their last middleware.
 */
export function tierOf(procedure: AnyProcedure | Built): Tier | null {
  const own = middlewaresOf(procedure);
  let best: { tier: Tier; length: number } | null = null;
  for (const [tier, builder] of Object.entries(TIER_BUILDERS) as [Tier, unknown][]) {
    const prefix = middlewaresOf(builder);
    if (startsWith(own, prefix) && (!best || prefix.length > best.length)) best = { tier, length: prefix.length };
  }
  return best?.tier ?? null;
}

/** The kinds of caller the generated tests try every procedure with. */
export type CallerKind = "anonymous" | "mailbox" | "tenant_admin" | "reseller" | "reseller_acting_elsewhere" | "operator";
export const CALLER_KINDS: CallerKind[] = ["anonymous", "mailbox", "tenant_admin", "reseller", "reseller_acting_elsewhere", "operator"];

/**
 * What each tier answers each refused kind of caller (procedures.ts); kinds not named are
 * admitted. "reseller_acting_elsewhere" is a reseller whose x-acting-tenant names another
 * reseller's client: the client tier answers NOT_FOUND so it learns nothing; other tiers ignore it.
 */
export const TIER_REFUSES: Record<Tier, Partial<Record<CallerKind, "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND">>> = {
  public: {},
  // Any signed-in account, mailbox users included (their own sessions).
  account: { anonymous: "UNAUTHORIZED" },
  authed: { anonymous: "UNAUTHORIZED", mailbox: "FORBIDDEN" },
  customer: { anonymous: "UNAUTHORIZED", mailbox: "FORBIDDEN", reseller: "FORBIDDEN", reseller_acting_elsewhere: "FORBIDDEN", operator: "FORBIDDEN" },
  reseller: { anonymous: "UNAUTHORIZED", mailbox: "FORBIDDEN", tenant_admin: "FORBIDDEN", operator: "FORBIDDEN" },
  client: { anonymous: "UNAUTHORIZED", mailbox: "FORBIDDEN", reseller: "FORBIDDEN", reseller_acting_elsewhere: "NOT_FOUND", operator: "FORBIDDEN" },
  mailbox: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", reseller_acting_elsewhere: "FORBIDDEN", operator: "FORBIDDEN" },
  operator: { anonymous: "UNAUTHORIZED", mailbox: "FORBIDDEN", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", reseller_acting_elsewhere: "FORBIDDEN" },
};
