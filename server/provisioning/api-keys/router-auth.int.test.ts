import { describe, expect, it, beforeAll } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix, refusal, type Outcome } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { makeResellerTree, type ResellerTree } from "@/server/resellers/clients/client-test-fixtures";
import { createApiKey } from "./create-api-key";
import type { KeyOwner } from "./api-key.types";
import { apiKeysRouter } from "./router";

// apiKeys.operator.* and apiKeys.reseller.* × every kind of caller × whose key: operators manage
// every key, a reseller only its own (a parent's, a sub's, a sibling's or another tree's key is
// NOT_FOUND, as a missing one); tenant admins and mailbox users are the wrong role.
const testRouter = router({ apiKeys: apiKeysRouter });
type Who = "operator" | "top" | "sub" | "sibling" | "other" | "tenant_admin" | "mailbox_user" | "signed_out";
let t: ResellerTree;
let users: Record<Who, SessionUser | null>;
const api = (who: Who) => createCallerFactory(testRouter)(makeContext(users[who]));

beforeAll(async () => {
  t = await makeResellerTree();
  const mailbox: SessionUser = { id: "mbx-1", email: "li@x.test", name: "李", role: "mailbox_user", tenantId: t.clients.own.tenantId, resellerId: null, mailboxId: "mbx-1" };
  users = { ...t.users, mailbox_user: mailbox };
});

type KeyOf = "operator" | "top" | "sub" | "other";
const ownerOf = (k: KeyOf): KeyOwner => (k === "operator" ? { kind: "operator" } : { kind: "reseller", resellerId: t[k].id });
/** A fresh key of `k` for each call, so every caller's attempt starts from a live key. */
const freshKey = async (k: KeyOf) =>
  (await createApiKey({ id: "creator", email: null, role: k === "operator" ? "operator" : "reseller", tenantId: null, ip: null }, ownerOf(k), { name: "k", scopes: ["tenants:read"] })).id;

const WRONG = { tenant_admin: "FORBIDDEN", mailbox_user: "FORBIDDEN", signed_out: "UNAUTHORIZED" } as const;
const OPS_ONLY: Record<Who, Outcome> = { operator: "ok", top: "FORBIDDEN", sub: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN", ...WRONG };
const resellers = (r: Record<"top" | "sub" | "sibling" | "other", Outcome>): Record<Who, Outcome> => ({ operator: "FORBIDDEN", ...r, ...WRONG });
const EVERY_RESELLER = resellers({ top: "ok", sub: "ok", sibling: "ok", other: "ok" });
const OWN_ONLY: Record<KeyOf, Record<Who, Outcome>> = {
  operator: resellers({ top: "NOT_FOUND", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  top: resellers({ top: "ok", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  sub: resellers({ top: "NOT_FOUND", sub: "ok", sibling: "NOT_FOUND", other: "NOT_FOUND" }),
  other: resellers({ top: "NOT_FOUND", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "ok" }),
};

const calls: Record<string, (who: Who) => Promise<unknown>> = {
  "operator.list": (who) => api(who).apiKeys.operator.list(),
  "operator.create": (who) => api(who).apiKeys.operator.create({ name: "WHMCS", scopes: ["tenants:read"] }),
  "reseller.list": (who) => api(who).apiKeys.reseller.list(),
  "reseller.create": (who) => api(who).apiKeys.reseller.create({ name: "WHMCS", scopes: ["tenants:read"] }),
};
const matrix: Record<string, Record<Who, Outcome>> = {
  "operator.list": OPS_ONLY,
  "operator.create": OPS_ONLY,
  "reseller.list": EVERY_RESELLER,
  "reseller.create": EVERY_RESELLER,
};
for (const k of ["operator", "top", "sub", "other"] as const) {
  calls[`operator.revoke × ${k}'s key`] = async (who) => api(who).apiKeys.operator.revoke({ apiKeyId: await freshKey(k) });
  matrix[`operator.revoke × ${k}'s key`] = OPS_ONLY;
  calls[`operator.update × ${k}'s key`] = async (who) => api(who).apiKeys.operator.update({ apiKeyId: await freshKey(k), name: "renamed" });
  matrix[`operator.update × ${k}'s key`] = OPS_ONLY;
  calls[`reseller.revoke × ${k}'s key`] = async (who) => api(who).apiKeys.reseller.revoke({ apiKeyId: await freshKey(k) });
  matrix[`reseller.revoke × ${k}'s key`] = OWN_ONLY[k];
  calls[`reseller.update × ${k}'s key`] = async (who) => api(who).apiKeys.reseller.update({ apiKeyId: await freshKey(k), scopes: ["usage:read"] });
  matrix[`reseller.update × ${k}'s key`] = OWN_ONLY[k];
}
describeMatrix<Who>("apiKeys × callers × whose key", calls, matrix);

describe("apiKeys use cases", () => {
  it("shows the secret once, stores only its hash, lists the reseller's own keys, audits each change", async () => {
    const created = await api("top").apiKeys.reseller.create({ name: " WHMCS 生产 ", scopes: ["usage:read", "tenants:read", "usage:read"], expiresInDays: 30 });
    expect(created.secret).toMatch(/^msk_live_[0-9a-f]{8}_[\w-]{43}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: "WHMCS 生产", scopes: ["tenants:read", "usage:read"], state: "active", ownerKind: "reseller", resellerId: t.top.id });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(18));
    const listed = await api("top").apiKeys.reseller.list();
    expect(listed.find((k) => k.id === created.id)).not.toHaveProperty("secret");
    expect(listed.every((k) => k.resellerId === t.top.id)).toBe(true);
    expect((await api("operator").apiKeys.operator.list()).map((k) => k.id)).toContain(created.id);

    const updated = await api("top").apiKeys.reseller.update({ apiKeyId: created.id, name: "WHMCS", scopes: ["tenants:write"] });
    expect(updated).toMatchObject({ name: "WHMCS", scopes: ["tenants:write"] });
    const revoked = await api("top").apiKeys.reseller.revoke({ apiKeyId: created.id });
    expect(revoked.state).toBe("revoked");
    expect(await refusal(api("top").apiKeys.reseller.revoke({ apiKeyId: created.id }))).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(api("top").apiKeys.reseller.update({ apiKeyId: created.id, name: "x" }))).toMatchObject({ code: "PRECONDITION_FAILED" });
    const actions = await db.auditEvent.findMany({ where: { targetId: created.id, result: "success" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["apiKey.create", "apiKey.revoke", "apiKey.update"]);
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const before = await db.apiKey.count();
    const r = await refusal(api("operator").apiKeys.operator.create({ name: "", scopes: [], expiresInDays: 0 }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["expiresInDays", "name", "scopes"]);
    const unknown = await refusal(api("operator").apiKeys.operator.create({ name: "x", scopes: ["tenants:delete" as "tenants:read"] }));
    expect(unknown.fieldErrors).toHaveProperty("scopes.0");
    expect(await db.apiKey.count()).toBe(before);
  });
});
