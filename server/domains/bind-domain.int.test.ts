import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { BOUND_ELSEWHERE } from "./bind-domain";
import { callerFor, createDomainTenant, domainWriteCounts, operatorUser, refusal, uniqueName } from "./domain-test-fixtures";

const NOW = new Date("2026-11-26T10:00:00Z");
let restoreClock: () => void;
beforeAll(() => {
  restoreClock = setClock(NOW);
});
afterAll(() => restoreClock());

describe("adding a domain", () => {
  it("creates it unverified with a 32-hex token, due now, with one pending DKIM key, and audits", async () => {
    const { admin, tenant } = await createDomainTenant("Alpha");
    const view = await callerFor(admin).add({ name: "  Alpha-Trade.COM. " });
    expect(view).toMatchObject({ name: "alpha-trade.com", unicodeName: "alpha-trade.com", state: "unverified", aliasOf: null, aliases: [] });
    expect(view.ownershipToken).toMatch(/^[0-9a-f]{32}$/);
    expect(view.nextCheckAt).toEqual(NOW);
    expect(view.dkimKeys).toHaveLength(1);
    expect(view.dkimKeys[0]).toMatchObject({ selector: "ms202611", status: "pending", signing: false });
    expect(view.dkimKeys[0]!.publicKey).toMatch(/^MIIBIjAN/); // a 2048-bit RSA SPKI in base64
    expect(JSON.stringify(view)).not.toMatch(/privateKey|v1:|PRIVATE/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "domain.add", targetId: view.id } });
    expect(audit).toMatchObject({ tenantId: tenant.id, actorId: admin.id, result: "success" });
    expect(audit.details).toMatchObject({ name: "alpha-trade.com", dkimSelector: "ms202611" });
    const other = await callerFor(admin).add({ name: uniqueName() });
    expect(other.ownershipToken).not.toBe(view.ownershipToken);
  });

  it("stores an internationalised name as punycode and shows it in Unicode", async () => {
    const { admin } = await createDomainTenant("IDN");
    const view = await callerFor(admin).add({ name: "例子.中国" });
    expect(view).toMatchObject({ name: "xn--fsqu00a.xn--fiqs8s", unicodeName: "例子.中国" });
    expect((await callerFor(admin).get({ domainId: view.id })).unicodeName).toBe("例子.中国");
    expect(await refusal(callerFor(admin).add({ name: "XN--FSQU00A.xn--fiqs8s." }))).toMatchObject({ code: "CONFLICT", message: "You have already added 例子.中国" });
  });

  it("refuses bad names with a clear message on the name field and writes nothing", async () => {
    const { admin } = await createDomainTenant("Bad input");
    const before = await domainWriteCounts();
    for (const name of ["exa mple.com", "a..b.com", `${"a".repeat(64)}.com`, `${"a.".repeat(125)}com.cn`, "my_domain.com", "com.cn", "example", "10.0.0.1", ""]) {
      const r = await refusal(callerFor(admin).add({ name }));
      expect(r.code, name).toBe("BAD_REQUEST");
      expect(r.fieldErrors, name).toEqual({ name: [r.message] });
    }
    expect((await refusal(callerFor(admin).add({ name: "com.cn" }))).message).toContain("com.cn is a public suffix");
    expect((await refusal(callerFor(admin).add({} as { name: string }))).fieldErrors).toEqual({ name: ["Enter a domain name, e.g. example.com"] });
    expect(await domainWriteCounts()).toEqual(before);
  });
});

describe("one domain, one tenant", () => {
  it("refuses another tenant's domain without saying whose, and the caller's own as already added", async () => {
    const a = await createDomainTenant("Owner");
    const b = await createDomainTenant("Other");
    await callerFor(a.admin).add({ name: "taken.example.cn" });
    const before = await domainWriteCounts();
    const other = await refusal(callerFor(b.admin).add({ name: "TAKEN.example.cn." }));
    expect(other).toMatchObject({ code: "CONFLICT", message: BOUND_ELSEWHERE.en, fieldErrors: { name: [BOUND_ELSEWHERE.en] } });
    expect(other.message).not.toContain("Owner");
    expect((await refusal(callerFor(b.admin).add({ name: "taken.example.cn" }), "zh-CN")).message).toBe("该域名已被其他账户绑定");
    expect(await refusal(callerFor(a.admin).add({ name: "taken.example.cn" }))).toMatchObject({ code: "CONFLICT", message: "You have already added taken.example.cn" });
    expect(await refusal(callerFor(b.admin).addAlias({ primaryId: (await callerFor(b.admin).add({ name: uniqueName() })).id, name: "taken.example.cn" }))).toMatchObject({
      message: BOUND_ELSEWHERE.en,
    });
    expect((await domainWriteCounts()).domains).toBe(before.domains + 1);
  });

  it("lets exactly one of two tenants racing for the same name have it", async () => {
    const a = await createDomainTenant("Racer A");
    const b = await createDomainTenant("Racer B");
    const results = await Promise.allSettled([callerFor(a.admin).add({ name: "race.example.org" }), callerFor(b.admin).add({ name: "race.example.org" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected")!;
    expect((loser as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", message: BOUND_ELSEWHERE.en });
  });
});

describe("the plan's domain limit", () => {
  it("is 5 without a subscription, aliases included, and the refusal names it", async () => {
    const { admin } = await createDomainTenant("No plan");
    const primary = await callerFor(admin).add({ name: uniqueName() });
    await callerFor(admin).addAlias({ primaryId: primary.id, name: uniqueName("alias") });
    for (let i = 0; i < 3; i++) await callerFor(admin).add({ name: uniqueName() });
    expect((await callerFor(admin).list()).limit).toBe(5);
    const before = await domainWriteCounts();
    const message = "Your plan allows 5 domains, alias domains included, and you have 5: remove one or move to a larger plan first";
    expect(await refusal(callerFor(admin).add({ name: uniqueName() }))).toEqual({ code: "PRECONDITION_FAILED", message, fieldErrors: null });
    expect(await refusal(callerFor(admin).addAlias({ primaryId: primary.id, name: uniqueName() }))).toMatchObject({ message });
    expect(await domainWriteCounts()).toEqual(before);
  });

  it("comes from the active plan (an eleventh domain on a 10-domain plan is refused), else a pending one", async () => {
    const { admin } = await createDomainTenant("Ten", 10);
    for (let i = 0; i < 10; i++) await callerFor(admin).add({ name: uniqueName() });
    expect((await refusal(callerFor(admin).add({ name: uniqueName() }))).message).toContain("allows 10 domains");
    const pending = await createDomainTenant("Pending", 2, "pending");
    expect((await callerFor(pending.admin).list()).limit).toBe(2);
  });

  it("holds under 10 parallel adds one below the limit: exactly one more domain", async () => {
    const { admin, tenant } = await createDomainTenant("Parallel");
    for (let i = 0; i < 4; i++) await callerFor(admin).add({ name: uniqueName() });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => callerFor(admin).add({ name: `parallel${i}.example.net` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.domain.count({ where: { tenantId: tenant.id } })).toBe(5);
    expect(await db.auditEvent.count({ where: { tenantId: tenant.id, action: "domain.add" } })).toBe(5);
  });
});

describe("alias domains", () => {
  it("attach to one of the tenant's primaries, not to an alias and not across tenants", async () => {
    const { admin } = await createDomainTenant("Aliases");
    const primary = await callerFor(admin).add({ name: "brand.example.com" });
    const alias = await callerFor(admin).addAlias({ primaryId: primary.id, name: "品牌.中国" });
    expect(alias).toMatchObject({ unicodeName: "品牌.中国", aliasOf: { id: primary.id, name: "brand.example.com" } });
    expect(alias.dkimKeys).toHaveLength(1); // signs its own mail (d=alias)
    expect((await callerFor(admin).get({ domainId: primary.id })).aliases).toEqual([{ id: alias.id, name: alias.name, unicodeName: "品牌.中国" }]);
    expect(await db.auditEvent.count({ where: { action: "domain.alias_add", targetId: alias.id } })).toBe(1);

    const before = await domainWriteCounts();
    expect(await refusal(callerFor(admin).addAlias({ primaryId: alias.id, name: uniqueName() }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "品牌.中国 is itself an alias of brand.example.com: attach the new alias to brand.example.com",
    });
    const stranger = await createDomainTenant("Stranger");
    expect(await refusal(callerFor(stranger.admin).addAlias({ primaryId: primary.id, name: uniqueName() }))).toMatchObject({ code: "NOT_FOUND", message: "Domain not found" });
    expect(await refusal(callerFor(admin).addAlias({ primaryId: primary.id, name: "bad name.com" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await domainWriteCounts()).toEqual(before);
  });
});

async function addMailboxes(tenantId: string, domainId: string, domain: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const address = `user${i}@${domain}`;
    const m = await db.mailbox.create({ data: { tenantId, domainId, localPart: `user${i}`, address, displayName: `User ${i}`, quotaMb: 1024, passwordHash: "x" } });
    await db.mailAddress.create({ data: { address, tenantId, domainId, kind: "mailbox", mailboxId: m.id } });
    ids.push(m.id);
  }
  return ids;
}

describe("removing a domain", () => {
  it("is refused while it has aliases (named) or mailboxes (counted); then removes it with its keys and audits", async () => {
    const { admin, tenant } = await createDomainTenant("Remover");
    const primary = await callerFor(admin).add({ name: "remove-me.example.com" });
    const a1 = await callerFor(admin).addAlias({ primaryId: primary.id, name: "alias-b.example.com" });
    const a2 = await callerFor(admin).addAlias({ primaryId: primary.id, name: "alias-a.example.com" });
    const before = await domainWriteCounts();
    expect(await refusal(callerFor(admin).remove({ domainId: primary.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "remove-me.example.com has alias domains: remove alias-a.example.com, alias-b.example.com first",
    });
    // Addresses on the alias: three mailboxes, an alias of one of them and a list, written as rows.
    const mailboxIds = await addMailboxes(tenant.id, a1.id, a1.name, 3);
    await db.mailAddress.create({ data: { address: `info@${a1.name}`, tenantId: tenant.id, domainId: a1.id, kind: "alias", mailboxId: mailboxIds[0]! } });
    const list = await db.mailingList.create({ data: { tenantId: tenant.id, domainId: a1.id, address: `all@${a1.name}`, name: "All" } });
    await db.mailAddress.create({ data: { address: list.address, tenantId: tenant.id, domainId: a1.id, kind: "list", listId: list.id } });
    const countsBefore = await domainWriteCounts();
    expect(await refusal(callerFor(admin).remove({ domainId: a1.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "alias-b.example.com still has 3 mailboxes, 1 alias and 1 mailing list: delete or move them before removing the domain",
    });
    const zh = await refusal(callerFor(admin).remove({ domainId: a1.id }), "zh-CN");
    expect(zh.message).toBe("alias-b.example.com 下还有 3 个邮箱、1 个别名、1 个邮件列表：请先删除或迁移后再删除域名");
    expect(await domainWriteCounts()).toEqual(countsBefore);
    await db.mailingList.delete({ where: { id: list.id } });
    await db.mailbox.deleteMany({ where: { id: { in: mailboxIds } } });
    expect(await db.mailAddress.count({ where: { domainId: a1.id } })).toBe(0);
    expect(await domainWriteCounts()).toEqual(before);

    await callerFor(admin).remove({ domainId: a1.id });
    await callerFor(admin).remove({ domainId: a2.id });
    expect(await callerFor(admin).remove({ domainId: primary.id })).toEqual({ removed: primary.id });
    expect(await db.domain.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.dkimKey.count({ where: { domainId: primary.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "domain.remove", tenantId: tenant.id } })).toBe(3);
    expect(await refusal(callerFor(admin).remove({ domainId: primary.id }))).toMatchObject({ code: "NOT_FOUND" });
    // The name is free again, for anyone.
    const other = await createDomainTenant("Next owner");
    expect((await callerFor(other.admin).add({ name: "remove-me.example.com" })).name).toBe("remove-me.example.com");
  });
});

describe("operators' list of all domains", () => {
  it("pages and searches by domain (either form) or tenant name, with the tenant", async () => {
    const { admin, tenant } = await createDomainTenant("Zeta 搜索 Co");
    const d = await callerFor(admin).add({ name: "搜索测试.中国" });
    const ops = callerFor(operatorUser);
    for (const search of ["搜索测试", d.name.slice(0, 12), "zeta 搜索"]) {
      const page = await ops.all({ search, page: 1 });
      expect(page.rows.map((r) => r.id), search).toContain(d.id);
      expect(page.rows.find((r) => r.id === d.id)).toMatchObject({ tenantId: tenant.id, tenantName: "Zeta 搜索 Co" });
    }
    const all = await ops.all({ page: 1, pageSize: 2 });
    expect(all.rows).toHaveLength(2);
    expect(all.total).toBe(await db.domain.count());
    expect(JSON.stringify(all)).not.toMatch(/privateKey|PRIVATE/);
  });
});
