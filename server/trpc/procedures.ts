import { TRPCError } from "@trpc/server";
import { baseProcedure } from "./init";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role } from "@/server/auth/roles";
import { assertResellerOwnsTenant } from "@/server/resellers/assert-reseller-owns-tenant";
import { loadReseller } from "@/server/resellers/ops/reseller-guard";
import { db } from "@/server/shared/db";
import { allowedWhileRestricted, restrictionRefusal } from "@/server/auth/sessions/restriction-gate";

// The procedure tiers (architecture convention 1), defined once. No session → UNAUTHORIZED;
// a session of the wrong role → FORBIDDEN.

export const publicProcedure = baseProcedure;

/**
 * A restricted session (expired password, second factor required but missing) reaches only the
 * procedures that lift the restriction (server/auth/sessions/restriction-gate.ts); every other
 * call is refused here, so no procedure can forget the check.
 */
const signedIn = baseProcedure.use(({ ctx, next, path }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (ctx.user.restriction && !allowedWhileRestricted(ctx.user, path)) {
    const cause = restrictionRefusal(ctx.user.restriction);
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: cause.message, cause });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Any signed-in account, portal or mailbox user alike: only for what every account has of its
 * own whatever its kind (its sessions, security.sessions). ctx.user.id is the account's id.
 */
export const accountProcedure = signedIn;

/**
 * Any portal account (operator, reseller, tenant admin). A mailbox user's session is refused
 * here, so none of the portals' procedures (all built on this tier) is open to it: mailbox users
 * reach only mailboxProcedure.
 */
export const authedProcedure = signedIn.use(({ ctx, next }) => {
  if (ctx.user.role === "mailbox_user") throw new TRPCError({ code: "FORBIDDEN", message: "This area is not part of your role" });
  return next({ ctx });
});

function requireRole(user: SessionUser, role: Role): void {
  if (user.role !== role) throw new TRPCError({ code: "FORBIDDEN", message: "This area is not part of your role" });
}

/** A tenant admin; every query must filter by ctx.tenantId. */
export const customerProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, "tenant_admin");
  if (!ctx.user.tenantId) throw new TRPCError({ code: "FORBIDDEN", message: "No tenant on this account" });
  return next({ ctx: { ...ctx, tenantId: ctx.user.tenantId } });
});

/**
 * A reseller; client tenants are reached only through assertResellerOwnsTenant. A suspended
 * reseller (or one under a suspended parent) reads but writes nothing: every mutation of this
 * tier is refused here, so no use case can forget it.
 */
export const resellerProcedure = authedProcedure.use(async ({ ctx, next, type }) => {
  requireRole(ctx.user, "reseller");
  if (!ctx.user.resellerId) throw new TRPCError({ code: "FORBIDDEN", message: "No reseller on this account" });
  if (type === "mutation") await loadReseller(db, ctx.user.resellerId, { requireActive: true });
  return next({ ctx: { ...ctx, resellerId: ctx.user.resellerId } });
});

/**
 * A client tenant's own business that its reseller may also do for it (orders, resizes, top-ups,
 * domains, SLA reports): the tenant's admin, or a reseller acting for a client in its tree (the
 * x-acting-tenant header). Outside the tree the answer is NOT_FOUND, never FORBIDDEN, so a
 * reseller cannot learn which tenants exist. A suspended reseller (or one under a suspended
 * parent) still reads its clients but changes nothing for them. ctx.tenantId is the tenant acted
 * on; ctx.actingResellerId is the acting reseller, null for the tenant's own admin.
 */
export const clientProcedure = authedProcedure.use(async ({ ctx, next, type }) => {
  if (ctx.user.role === "tenant_admin" && ctx.user.tenantId) {
    return next({ ctx: { ...ctx, tenantId: ctx.user.tenantId, actingResellerId: null as string | null } });
  }
  if (ctx.user.role === "reseller" && ctx.user.resellerId) {
    if (!ctx.actingTenantId) throw new TRPCError({ code: "FORBIDDEN", message: "Choose a client tenant first" });
    await assertResellerOwnsTenant(ctx.user.resellerId, ctx.actingTenantId);
    if (type === "mutation") await loadReseller(db, ctx.user.resellerId, { requireActive: true });
    return next({ ctx: { ...ctx, tenantId: ctx.actingTenantId, actingResellerId: ctx.user.resellerId as string | null } });
  }
  throw new TRPCError({ code: "FORBIDDEN", message: "This area is not part of your role" });
});

/** A mailbox user on the self-service page; every query must filter by ctx.mailboxId (and ctx.tenantId). */
export const mailboxProcedure = signedIn.use(({ ctx, next }) => {
  if (ctx.user.role !== "mailbox_user" || !ctx.user.mailboxId || !ctx.user.tenantId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This area is not part of your role" });
  }
  return next({ ctx: { ...ctx, mailboxId: ctx.user.mailboxId, tenantId: ctx.user.tenantId } });
});

export const operatorProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, "operator");
  return next({ ctx });
});
