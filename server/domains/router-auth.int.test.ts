import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { describeMatrix, OK, outcome, type Outcome } from "@/server/test/authz";
import { ZAddAliasDomainRequest } from "./add-alias-domain.types";
import { ZAddDomainRequest } from "./add-domain.types";
import { ZDomainIdRequest } from "./get-domain.types";
import { callerFor, createDomainTenant, domainWriteCounts, operatorUser, resellerUser, uniqueName } from "./domain-test-fixtures";

// Each procedure of domainsRouter × each kind of caller. The owner's domain is what every
// id-taking call names, so "other_tenant" shows another tenant's domain is NOT_FOUND, never FORBIDDEN.
let owner: SessionUser;
let otherAdmin: SessionUser;
let ownerTenantId: string;
let primaryId: string;

/** A domain of the owner's, straight into the table (these tests are about who may call, not keys). */
async function ownerDomain(keys: ("active" | "pending")[] = ["active"]) {
  const at = Date.now();
  return db.domain.create({
    data: {
      tenantId: ownerTenantId,
      name: uniqueName("authz"),
      unicodeName: "authz",
      ownershipToken: "0".repeat(32),
      dkimKeys: {
        create: keys.map((status, i) => ({ selector: `s${i}`, publicKey: "AAAA", privateKeyEnc: "v1:a:b:c", status, activatedAt: status === "active" ? new Date(at + i * 1000) : null })),
      },
    },
    include: { dkimKeys: { orderBy: { selector: "asc" } } },
  });
}

beforeAll(async () => {
  // checkNow really asks DNS: point it at a closed local port so it fails fast (unknown), offline.
  process.env.DNS_RESOLVERS = "127.0.0.1:9";
  process.env.DNS_TIMEOUT_MS = "200";
  process.env.DNS_SANDBOX = "on";
  resetEnvCache();
  const a = await createDomainTenant("Owner", 100);
  owner = a.admin;
  ownerTenantId = a.tenant.id;
  otherAdmin = (await createDomainTenant("Other", 100)).admin;
  primaryId = (await ownerDomain()).id;
});

type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner, other_tenant: otherAdmin, reseller: resellerUser, operator: operatorUser }[w];

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => callerFor(who(w)).list(),
  get: (w) => callerFor(who(w)).get({ domainId: primaryId }),
  add: (w) => callerFor(who(w)).add({ name: uniqueName("add") }),
  addAlias: (w) => callerFor(who(w)).addAlias({ primaryId, name: uniqueName("alias") }),
  remove: async (w) => callerFor(who(w)).remove({ domainId: (await ownerDomain()).id }),
  rotateDkim: async (w) => callerFor(who(w)).rotateDkim({ domainId: (await ownerDomain()).id }),
  records: (w) => callerFor(who(w)).records({ domainId: primaryId }),
  checkNow: (w) => callerFor(who(w)).checkNow({ domainId: primaryId }),
  publishToSandbox: (w) => callerFor(who(w)).publishToSandbox({ domainId: primaryId }),
  mxWarnings: (w) => callerFor(who(w)).mxWarnings(),
  all: (w) => callerFor(who(w)).all({ page: 1 }),
  retireDkim: async (w) => callerFor(who(w)).retireDkim({ keyId: (await ownerDomain(["active", "active"])).dkimKeys[0]!.id }),
};

const base = { anonymous: "UNAUTHORIZED", reseller: "FORBIDDEN" } as const;
const customer: Record<Who, Outcome> = { ...base, owner: OK, other_tenant: OK, operator: "FORBIDDEN" };
const ownersOnly: Record<Who, Outcome> = { ...base, owner: OK, other_tenant: "NOT_FOUND", operator: "FORBIDDEN" };
const operatorOnly: Record<Who, Outcome> = { ...base, owner: "FORBIDDEN", other_tenant: "FORBIDDEN", operator: OK };

describeMatrix<Who>("domains × callers", calls, {
  list: customer,
  get: ownersOnly,
  add: customer,
  addAlias: ownersOnly,
  remove: ownersOnly,
  rotateDkim: ownersOnly,
  records: ownersOnly,
  checkNow: ownersOnly,
  publishToSandbox: ownersOnly,
  mxWarnings: customer,
  all: operatorOnly,
  retireDkim: operatorOnly,
});

describe("a customer reaches only their own tenant", () => {
  it("has no tenant id in any input, and a smuggled one is ignored", async () => {
    for (const schema of [ZAddDomainRequest, ZAddAliasDomainRequest, ZDomainIdRequest]) expect(Object.keys(schema.shape)).not.toContain("tenantId");
    const name = uniqueName("smuggled");
    const view = await callerFor(otherAdmin).add({ name, tenantId: ownerTenantId } as { name: string });
    expect((await db.domain.findUniqueOrThrow({ where: { id: view.id } })).tenantId).toBe(otherAdmin.tenantId);
  });

  it("never sees another tenant's domains in the list", async () => {
    const rows = (await callerFor(otherAdmin).list()).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(primaryId);
    expect(await db.domain.count({ where: { id: { in: rows.map((r) => r.id) }, tenantId: { not: otherAdmin.tenantId! } } })).toBe(0);
  });

  it("refused callers write nothing", async () => {
    const before = await domainWriteCounts();
    const sandboxRows = await db.sandboxRecord.count();
    const { lastCheckedAt } = await db.domain.findUniqueOrThrow({ where: { id: primaryId } });
    for (const w of ["anonymous", "reseller", "operator", "other_tenant"] as const) {
      await outcome(() => callerFor(who(w)).addAlias({ primaryId, name: uniqueName() }));
      await outcome(() => callerFor(who(w)).remove({ domainId: primaryId }));
      await outcome(() => callerFor(who(w)).rotateDkim({ domainId: primaryId }));
      await outcome(() => callerFor(who(w)).checkNow({ domainId: primaryId }));
      await outcome(() => callerFor(who(w)).publishToSandbox({ domainId: primaryId }));
    }
    await outcome(() => callerFor(owner).retireDkim({ keyId: "any" }));
    expect(await domainWriteCounts()).toEqual(before);
    expect(await db.sandboxRecord.count()).toBe(sandboxRows);
    expect((await db.domain.findUniqueOrThrow({ where: { id: primaryId } })).lastCheckedAt).toEqual(lastCheckedAt);
  });
});
