import { afterAll, beforeAll } from "vitest";
import { closeMailer } from "@/server/shared/mailer";
import { describeMatrix, type Outcome } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { callerFor, makeClient, makeResellerTree, requestId, TARGETS, useSmtpSink, type Caller, type ResellerTree, type Target } from "./client-test-fixtures";

// resellers.clients and resellers.clientsOps × every kind of caller × every kind of tenant:
// the top reseller reaches its own and both sub-resellers' clients, a sub-reseller only its own,
// nobody a direct tenant or another tree's; operators and tenant admins are the wrong role.
let t: ResellerTree;
let sink: SmtpSink;
const api = (who: Caller) => callerFor(t.users[who]);
const tenantOf = (target: Target) => t.clients[target].tenantId;

beforeAll(async () => {
  sink = await useSmtpSink();
  t = await makeResellerTree();
});
afterAll(async () => {
  closeMailer();
  await sink.close();
});

const WRONG_ROLE = { operator: "FORBIDDEN", tenant_admin: "FORBIDDEN", signed_out: "UNAUTHORIZED" } as const;
const OPS_ONLY = { operator: "ok", top: "FORBIDDEN", sub: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN", tenant_admin: "FORBIDDEN", signed_out: "UNAUTHORIZED" } as const;
/** Who reaches which client: the owner's tree only. */
const REACH: Record<Target, Record<"top" | "sub" | "sibling" | "other", Outcome>> = {
  own: { top: "ok", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" },
  sub: { top: "ok", sub: "ok", sibling: "NOT_FOUND", other: "NOT_FOUND" },
  sibling: { top: "ok", sub: "NOT_FOUND", sibling: "ok", other: "NOT_FOUND" },
  direct: { top: "NOT_FOUND", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" },
};
const resellerRow = (resellers: Record<"top" | "sub" | "sibling" | "other", Outcome>): Record<Caller, Outcome> => ({ ...resellers, ...WRONG_ROLE });
const everyReseller = resellerRow({ top: "ok", sub: "ok", sibling: "ok", other: "ok" });

const calls: Record<string, (who: Caller) => Promise<unknown>> = {
  list: (who) => api(who).clients.list({}),
  "list owner=sub": (who) => api(who).clients.list({ owner: t.sub.id }),
  create: (who) => api(who).clients.create({ companyName: "授权测试", adminName: "甲", adminEmail: `authz-${requestId()}@x.test`, idempotencyKey: requestId() }),
  "create under sub": (who) =>
    api(who).clients.create({ companyName: "授权测试", adminName: "甲", adminEmail: `authz-${requestId()}@x.test`, subResellerId: t.sub.id, idempotencyKey: requestId() }),
  "clientsOps.listTenants": (who) => api(who).clientsOps.listTenants({ resellerId: t.top.id }),
  "clientsOps.searchTenants": (who) => api(who).clientsOps.searchTenants({ search: "" }),
  "clientsOps.moveTargets": (who) => api(who).clientsOps.moveTargets({ search: "" }),
};
const matrix: Record<string, Record<Caller, Outcome>> = {
  list: everyReseller,
  "list owner=sub": resellerRow({ top: "ok", sub: "ok", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  create: everyReseller,
  "create under sub": resellerRow({ top: "ok", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  "clientsOps.listTenants": OPS_ONLY,
  "clientsOps.searchTenants": OPS_ONLY,
  "clientsOps.moveTargets": OPS_ONLY,
};
for (const target of TARGETS) {
  calls[`get × ${target}`] = (who) => api(who).clients.get({ tenantId: tenantOf(target) });
  matrix[`get × ${target}`] = resellerRow(REACH[target]);
  calls[`resendInvitation × ${target}`] = (who) => api(who).clients.resendInvitation({ tenantId: tenantOf(target) });
  matrix[`resendInvitation × ${target}`] = resellerRow(REACH[target]);
  // Each call moves a fresh tenant of that kind, so every caller's attempt starts from the same place.
  calls[`clientsOps.moveTenant × ${target}`] = async (who) => {
    const owner = { own: t.top.id, sub: t.sub.id, sibling: t.siblingSub.id, direct: null }[target];
    const c = await makeClient(owner);
    return api(who).clientsOps.moveTenant({ tenantId: c.tenantId, toResellerId: owner === t.other.id ? null : t.other.id, reason: "授权测试", idempotencyKey: requestId() });
  };
  matrix[`clientsOps.moveTenant × ${target}`] = OPS_ONLY;
}

describeMatrix<Caller>("resellers.clients / clientsOps × callers × tenants", calls, matrix);
