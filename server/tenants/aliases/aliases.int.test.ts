import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { mailboxesRouter } from "../mailboxes/router";
import { addTenantDomain, refusedWritingNothing, createConsoleTenant, refusal, seedMailboxes, type ConsoleTenant } from "../tenant-test-fixtures";

// A mailbox's aliases: up to the plan's limit, on any of the tenant's domains, each address unique
// across the platform.
const api = (user: SessionUser) => createCallerFactory(mailboxesRouter)(makeContext(user));
let t: ConsoleTenant;
let other: ConsoleTenant;
let mailboxId: string;

beforeAll(async () => {
  t = await createConsoleTenant({ name: "别名公司", aliasesPerMailbox: 5 });
  other = await createConsoleTenant({ name: "他人" });
  [mailboxId] = (await seedMailboxes(t, 1)) as [string];
});

describe("aliases", () => {
  it("adds up to five aliases on the tenant's domains and alias domains, refusing the sixth with the limit", async () => {
    const aliasDomain = await addTenantDomain(t.tenant.id, t.domain.id);
    const second = await addTenantDomain(t.tenant.id);
    const domains = [t.domain, t.domain, aliasDomain, second, second];
    for (const [i, d] of domains.entries()) await api(t.admin).addAlias({ mailboxId, domainId: d.id, localPart: `Sales${i}` });
    const list = await api(t.admin).aliases({ mailboxId });
    expect(list.limit).toBe(5);
    expect(list.rows.map((r) => r.address).sort()).toEqual(domains.map((d, i) => `sales${i}@${d.name}`).sort());
    expect(await db.mailAddress.count({ where: { mailboxId, kind: "alias" } })).toBe(5);
    const sixth = await refusedWritingNothing(() => api(t.admin).addAlias({ mailboxId, domainId: t.domain.id, localPart: "sixth" }));
    expect([sixth.code, sixth.message]).toEqual(["PRECONDITION_FAILED", "A mailbox may have at most 5 aliases on your plan; remove one first"]);
    // A retry of an alias the mailbox has returns it, even at the limit.
    expect((await api(t.admin).addAlias({ mailboxId, domainId: t.domain.id, localPart: "sales0" })).address).toBe(`sales0@${t.domain.name}`);
    expect(await db.auditEvent.count({ where: { action: "alias.add", targetId: mailboxId } })).toBe(5);
  });

  it("removes an alias, freeing its address; refuses the mailbox's own address and unknown aliases", async () => {
    const address = `sales4@${(await api(t.admin).aliases({ mailboxId })).rows.at(-1)!.address.split("@")[1]}`;
    await api(t.admin).removeAlias({ mailboxId, address });
    expect(await db.mailAddress.count({ where: { address } })).toBe(0);
    const own = (await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).address;
    expect((await refusedWritingNothing(() => api(t.admin).removeAlias({ mailboxId, address: own }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => api(t.admin).removeAlias({ mailboxId, address }))).code).toBe("NOT_FOUND");
  });

  it("refuses an address in use anywhere, a bad local part, and another tenant's domain or mailbox", async () => {
    const own = (await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).address;
    const taken = await refusedWritingNothing(() => api(t.admin).addAlias({ mailboxId, domainId: t.domain.id, localPart: own.split("@")[0]! }));
    expect([taken.code, taken.fieldErrors?.localPart?.[0]]).toEqual(["CONFLICT", `${own} is already in use`]);
    await db.mailAddress.create({ data: { address: `theirs@${t.domain.name}`, tenantId: other.tenant.id, domainId: other.domain.id, kind: "list" } });
    expect((await refusedWritingNothing(() => api(t.admin).addAlias({ mailboxId, domainId: t.domain.id, localPart: "theirs" }))).message).toBe(`theirs@${t.domain.name} is already in use`);
    expect((await refusedWritingNothing(() => api(t.admin).addAlias({ mailboxId, domainId: t.domain.id, localPart: "abuse" }))).fieldErrors?.localPart?.[0]).toContain("reserved");
    expect((await refusedWritingNothing(() => api(t.admin).addAlias({ mailboxId, domainId: other.domain.id, localPart: "x1" }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => api(other.admin).addAlias({ mailboxId, domainId: other.domain.id, localPart: "x2" }))).code).toBe("NOT_FOUND");
    expect((await refusal(api(other.admin).aliases({ mailboxId }))).code).toBe("NOT_FOUND");
  });
});
