import { beforeAll, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import { securityPolicyRouter } from "./router";
import { lockFor, operatorUser, policyCaller, resellerUser, seedPolicyWorld } from "./policy-test-fixtures";

// Each security.policy procedure × each kind of caller. Procedures on ids are called with tenant
// A's objects: tenant B's admin must get NOT_FOUND. Objects a call consumes are made afresh per call.
let world: Awaited<ReturnType<typeof seedPolicyWorld>>;
beforeAll(async () => {
  world = await seedPolicyWorld();
});

type Who = "anonymous" | "mailbox_user" | "other_tenant" | "owner" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { mailbox_user: world.a.mailboxUser, other_tenant: world.b.admin, owner: world.a.admin, reseller: resellerUser, operator: operatorUser }[w];
const as = (w: Who) => policyCaller(who(w));

let seq = 0;
const freshCidr = () => `10.${Math.floor(++seq / 256)}.${seq % 256}.0/24`;
const ruleOfA = () => db.ipRule.create({ data: { tenantId: world.a.tenant.id, channel: "mail", action: "deny", cidr: freshCidr() } });
const allowEntryOf = (scope: string) => db.lockoutAllowEntry.create({ data: { scope, cidr: freshCidr() } });
const lockOfA = () => lockFor({ kind: "mailbox", accountId: world.a.mailbox.id, tenantId: world.a.tenant.id });
const platformLock = () => lockFor({ ip: "198.51.100.1" });

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  "tenant.get": (w) => as(w).tenant.get(),
  "tenant.update": (w) => as(w).tenant.update({ lockoutThreshold: 6 }),
  "tenant.ipRules": (w) => as(w).tenant.ipRules(),
  "tenant.addIpRule": (w) => as(w).tenant.addIpRule({ channel: "mail", action: "allow", cidr: freshCidr() }),
  "tenant.removeIpRule": async (w) => as(w).tenant.removeIpRule({ id: (await ruleOfA()).id }),
  "tenant.preview": (w) => as(w).tenant.preview({ ip: "192.0.2.1" }),
  "tenant.allowList": (w) => as(w).tenant.allowList(),
  "tenant.addAllowEntry": (w) => as(w).tenant.addAllowEntry({ cidr: freshCidr() }),
  "tenant.removeAllowEntry": async (w) => as(w).tenant.removeAllowEntry({ id: (await allowEntryOf(world.a.tenant.id)).id }),
  "tenant.locks": (w) => as(w).tenant.locks(),
  "tenant.unlock": async (w) => as(w).tenant.unlock({ id: (await lockOfA()).id }),
  "ops.get": (w) => as(w).ops.get(),
  "ops.update": (w) => as(w).ops.update({ lockoutThreshold: 6 }),
  "ops.allowList": (w) => as(w).ops.allowList(),
  "ops.addAllowEntry": (w) => as(w).ops.addAllowEntry({ cidr: freshCidr() }),
  "ops.removeAllowEntry": async (w) => as(w).ops.removeAllowEntry({ id: (await allowEntryOf("platform")).id }),
  "ops.locks": (w) => as(w).ops.locks(),
  "ops.unlock": async (w) => as(w).ops.unlock({ id: (await platformLock()).id }),
  "ops.tenantPolicy": (w) => as(w).ops.tenantPolicy({ tenantId: world.a.tenant.id }),
  "ops.tenantIpRules": (w) => as(w).ops.tenantIpRules({ tenantId: world.a.tenant.id }),
  "ops.addIpRule": (w) => as(w).ops.addIpRule({ tenantId: world.a.tenant.id, channel: "web", action: "allow", cidr: freshCidr() }),
  "ops.removeIpRule": async (w) => as(w).ops.removeIpRule({ id: (await ruleOfA()).id }),
  "ops.preview": (w) => as(w).ops.preview({ tenantId: world.a.tenant.id, ip: "192.0.2.1" }),
};

const tenantWide: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", mailbox_user: "FORBIDDEN", other_tenant: OK, owner: OK, reseller: "FORBIDDEN", operator: "FORBIDDEN" };
const ownersOnly: Record<Who, Outcome> = { ...tenantWide, other_tenant: "NOT_FOUND" };
const operatorsOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", mailbox_user: "FORBIDDEN", other_tenant: "FORBIDDEN", owner: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK };

const ON_IDS = new Set(["tenant.removeIpRule", "tenant.removeAllowEntry", "tenant.unlock"]);
const matrix = Object.fromEntries(Object.keys(calls).map((p) => [p, p.startsWith("ops.") ? operatorsOnly : ON_IDS.has(p) ? ownersOnly : tenantWide]));

describeMatrix("security.policy procedures × callers", calls, matrix);

it("covers every procedure of the router", () => {
  expect(Object.keys(calls).sort()).toEqual(Object.keys(securityPolicyRouter._def.procedures).sort());
});
