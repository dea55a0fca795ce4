import { TRPCError } from "@trpc/server";
import { baseProcedure } from "./init";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role } from "@/server/auth/roles";

// The procedure tiers (architecture convention 1), defined once. No session → UNAUTHORIZED;
// a session of the wrong role → FORBIDDEN.

export const publicProcedure = baseProcedure;

export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
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

/** A reseller; client tenants are reached only through assertResellerOwnsTenant. */
export const resellerProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, "reseller");
  if (!ctx.user.resellerId) throw new TRPCError({ code: "FORBIDDEN", message: "No reseller on this account" });
  return next({ ctx: { ...ctx, resellerId: ctx.user.resellerId } });
});

export const operatorProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, "operator");
  return next({ ctx });
});
