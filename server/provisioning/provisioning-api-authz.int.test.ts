import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "./api-keys/revoke-api-key";
import { updateApiKey } from "./api-keys/update-api-key";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { setClock } from "@/server/shared/clock";
import { makeKey, startApiWorld, type ApiAnswer } from "./api-test-fixtures";

// Who reaches what through the API: 401 for any key that is not a live key (and the same answer
// whichever reason), 403 for a missing permission, 404 for a tenant outside a reseller key's tree
// (exactly as for a tenant that does not exist), 409 for a suspended reseller's writes, 429 beyond
// the per-key rate.
let w: Awaited<ReturnType<typeof startApiWorld>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  w = await startApiWorld();
  keys.ops = (await makeKey({ kind: "operator" })).secret;
  keys.top = (await makeKey({ kind: "reseller", resellerId: w.tree.top.id })).secret;
  keys.sub = (await makeKey({ kind: "reseller", resellerId: w.tree.sub.id })).secret;
  keys.other = (await makeKey({ kind: "reseller", resellerId: w.tree.other.id })).secret;
});
afterAll(() => w.close());

/** Every operation on one tenant, each with a fresh Idempotency-Key. */
const onTenant = (id: string) => ({
  get: (key: string) => w.call("GET", `/tenants/${id}`, { key }),
  usage: (key: string) => w.call("GET", `/tenants/${id}/usage`, { key }),
  plan: (key: string) => w.call("POST", `/tenants/${id}/plan`, { key, body: { planId: "no-such-plan", seats: 10 } }),
  suspend: (key: string) => w.call("POST", `/tenants/${id}/suspend`, { key, body: { reason: "authz" } }),
  unsuspend: (key: string) => w.call("POST", `/tenants/${id}/unsuspend`, { key, body: { reason: "authz" } }),
  terminate: (key: string) => w.call("POST", `/tenants/${id}/terminate`, { key, body: { reason: "authz" } }),
});
const everyCall = (key: string): Promise<ApiAnswer>[] => [
  w.call("GET", "/tenants", { key }),
  w.call("POST", "/tenants", { key, body: { companyName: "x", adminName: "y", adminEmail: "authz@x.test" } }),
  w.call("GET", "/plans", { key }),
  ...Object.values(onTenant(w.tree.clients.own.tenantId)).map((call) => call(key)),
];

describe("authentication", () => {
  it("answers 401 alike, with a JSON error, for no key, garbage, an unknown, a revoked and an expired key", async () => {
    const revoked = await makeKey({ kind: "operator" });
    await revokeApiKey({ id: "ops-api", email: null, role: "operator", tenantId: null, ip: null }, { kind: "operator" }, revoked.id);
    const expiring = await makeKey({ kind: "operator" }, undefined, 1);
    const restore = setClock(new Date(Date.now() + 2 * 86_400_000));
    try {
      const unknown = `msk_live_0123abcd_${"A".repeat(43)}`;
      for (const key of ["", "garbage", unknown, revoked.secret, expiring.secret, `${keys.ops}x`]) {
        for (const answer of await Promise.all(everyCall(key))) {
          expect(answer.status).toBe(401);
          expect(answer.json.error).toMatchObject({ code: "UNAUTHENTICATED" });
          expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
        }
      }
      // A session-like header is never read: the cookie of a signed-in operator gets 401 too.
      const cookie = await w.call("GET", "/tenants", { headers: { cookie: "next-auth.session-token=whatever" } });
      expect(cookie.status).toBe(401);
    } finally {
      restore();
    }
  });

  it("a key works again only until revoked: 200, then 401", async () => {
    const k = await makeKey({ kind: "operator" });
    expect((await w.call("GET", "/plans", { key: k.secret })).status).toBe(200);
    await revokeApiKey({ id: "ops-api", email: null, role: "operator", tenantId: null, ip: null }, { kind: "operator" }, k.id);
    expect((await w.call("GET", "/plans", { key: k.secret })).status).toBe(401);
  });
});

describe("scopes", () => {
  it("answers 403 for every operation outside the key's permissions, and lets the others through", async () => {
    const usageOnly = (await makeKey({ kind: "operator" }, ["usage:read"])).secret;
    const writeOnly = (await makeKey({ kind: "operator" }, ["tenants:write"])).secret;
    const t = onTenant(w.tree.clients.own.tenantId);
    const before = await db.auditEvent.count({ where: { result: "success" } });
    for (const answer of [
      await w.call("GET", "/tenants", { key: usageOnly }),
      await w.call("POST", "/tenants", { key: usageOnly, body: {} }),
      await t.get(usageOnly),
      await t.plan(usageOnly),
      await t.suspend(usageOnly),
      await t.unsuspend(usageOnly),
      await t.terminate(usageOnly),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.json.error.code).toBe("FORBIDDEN");
    }
    expect((await t.usage(usageOnly)).status).toBe(200);
    expect((await w.call("GET", "/plans", { key: usageOnly })).status).toBe(200);
    expect((await t.suspend(writeOnly)).status).toBe(403);
    expect((await t.usage(writeOnly)).status).toBe(403);
    expect(await db.auditEvent.count({ where: { result: "success" } })).toBe(before);
  });
});

describe("reach", () => {
  // Reads answer 200 where reached; writes reach the use case (which then refuses the made-up plan
  // with 400, or acts): anything but 404 means the key got through to the tenant.
  const REACH: Record<string, Record<"own" | "sub" | "sibling" | "other" | "direct" | "missing", boolean>> = {
    ops: { own: true, sub: true, sibling: true, other: true, direct: true, missing: false },
    top: { own: true, sub: true, sibling: true, other: false, direct: false, missing: false },
    sub: { own: false, sub: true, sibling: false, other: false, direct: false, missing: false },
    other: { own: false, sub: false, sibling: false, other: true, direct: false, missing: false },
  };
  for (const [who, targets] of Object.entries(REACH)) {
    for (const [target, reached] of Object.entries(targets)) {
      it(`${who} key on the ${target} tenant → ${reached ? "reached" : "404"}`, async () => {
        const id = target === "missing" ? "no-such-tenant" : w.tree.clients[target as "own"].tenantId;
        const t = onTenant(id);
        for (const answer of [await t.get(keys[who]!), await t.usage(keys[who]!), await t.plan(keys[who]!)]) {
          if (reached) expect(answer.status, JSON.stringify(answer.json)).not.toBe(404);
          else expect(answer).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND", message: "Tenant not found" } } });
        }
        // Lifecycle: a reseller key is refused 403 before any tenant is looked up (reached or not,
        // existing or not: the answer is the same); an operator key on a missing tenant gets 404.
        if (who !== "ops" || !reached) {
          const before = await db.tenant.findUnique({ where: { id }, select: { status: true } });
          for (const answer of [await t.suspend(keys[who]!), await t.unsuspend(keys[who]!), await t.terminate(keys[who]!)]) {
            expect(answer.status).toBe(who === "ops" ? 404 : 403);
          }
          expect(await db.tenant.findUnique({ where: { id }, select: { status: true } })).toEqual(before);
        }
      });
    }
  }

  it("suspend, unsuspend and terminate are operator-only: a reseller key gets 403 even with the scope, and cannot be given it", async () => {
    // A row holding the scope (made before the rule, or edited by hand) still cannot act.
    const legacy = await makeKey({ kind: "reseller", resellerId: w.tree.top.id }, ["tenants:read"]);
    await db.apiKey.update({ where: { id: legacy.id }, data: { scopes: ["tenants:read", "tenants:lifecycle"] } });
    const own = w.tree.clients.own.tenantId;
    await db.tenant.update({ where: { id: own }, data: { status: "suspended", suspendedReason: "operator" } });
    try {
      const before = await db.auditEvent.count({ where: { result: "success" } });
      const t = onTenant(own);
      for (const answer of [await t.unsuspend(legacy.secret), await t.terminate(legacy.secret), await t.suspend(legacy.secret)]) {
        expect(answer).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN" } } });
      }
      expect(await db.tenant.findUniqueOrThrow({ where: { id: own }, select: { status: true, suspendedReason: true } })).toEqual({ status: "suspended", suspendedReason: "operator" });
      expect(await db.auditEvent.count({ where: { result: "success" } })).toBe(before);
    } finally {
      await db.tenant.update({ where: { id: own }, data: { status: "active", suspendedReason: null } });
    }
    const refused = await makeKey({ kind: "reseller", resellerId: w.tree.top.id }, ["tenants:lifecycle"]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_INPUT", fieldErrors: { scopes: [expect.stringContaining("tenants:lifecycle")] } });
    const ok = await makeKey({ kind: "reseller", resellerId: w.tree.top.id }, ["tenants:read"]);
    const rescope = await updateApiKey(
      { id: "ops-api", email: null, role: "operator", tenantId: null, ip: null },
      { kind: "operator" },
      { apiKeyId: ok.id, scopes: ["tenants:read", "tenants:lifecycle"] },
    ).catch((e: unknown) => e);
    expect(rescope).toMatchObject({ code: "BAD_INPUT" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: ok.id } })).scopes).toEqual(["tenants:read"]);
  });

  it("a reseller key cannot open a client under another reseller's sub-reseller", async () => {
    const answer = await w.call("POST", "/tenants", { key: keys.other!, body: { companyName: "x", adminName: "y", adminEmail: "under-sub@x.test", resellerId: w.tree.sub.id } });
    expect(answer.status).toBe(404);
    expect(await db.user.count({ where: { email: "under-sub@x.test" } })).toBe(0);
  });

  it("a suspended reseller's key still reads but writes nothing", async () => {
    const r = await db.reseller.create({ data: { name: "停用代理" } });
    const key = (await makeKey({ kind: "reseller", resellerId: r.id })).secret;
    await db.reseller.update({ where: { id: r.id }, data: { status: "suspended" } });
    expect((await w.call("GET", "/tenants", { key })).status).toBe(200);
    const write = await w.call("POST", "/tenants", { key, body: { companyName: "x", adminName: "y", adminEmail: "suspended@x.test" } });
    expect(write.status).toBe(409);
    expect(await db.user.count({ where: { email: "suspended@x.test" } })).toBe(0);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After beyond API_RATE_PER_MINUTE for that key only", async () => {
    process.env.API_RATE_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const key = (await makeKey({ kind: "operator" })).secret;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await w.call("GET", "/plans", { key }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(answers[3]!.json.error.code).toBe("RATE_LIMITED");
      expect((await w.call("GET", "/plans", { key: (await makeKey({ kind: "operator" })).secret })).status).toBe(200);
    } finally {
      delete process.env.API_RATE_PER_MINUTE;
      resetEnvCache();
    }
  });
});
