import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { lockFor, operatorUser, policyCaller, refusedWritingNothing, seedPolicyWorld } from "./policy-test-fixtures";

let world: Awaited<ReturnType<typeof seedPolicyWorld>>;
let locks: Record<"adminA" | "mailboxA" | "mailboxB" | "ip" | "endedA" | "liftedA", { id: string }>;

beforeAll(async () => {
  world = await seedPolicyWorld();
  const { a, b } = world;
  locks = {
    adminA: await lockFor({ kind: "user", accountId: a.admin.id, tenantId: a.tenant.id }),
    mailboxA: await lockFor({ kind: "mailbox", accountId: a.mailbox.id, tenantId: a.tenant.id }),
    mailboxB: await lockFor({ kind: "mailbox", accountId: b.mailbox.id, tenantId: b.tenant.id }),
    ip: await lockFor({ ip: "198.51.100.66" }),
    endedA: await lockFor({ kind: "mailbox", accountId: a.mailbox.id, tenantId: a.tenant.id }, true),
    liftedA: await db.accountLock.update({ where: { id: (await lockFor({ kind: "user", accountId: a.admin.id, tenantId: a.tenant.id })).id }, data: { unlockedAt: new Date() } }),
  };
});

describe("active locks", () => {
  it("a tenant admin sees the locks in force of their tenant's accounts, by e-mail and address", async () => {
    const list = await policyCaller(world.a.admin).tenant.locks();
    expect(list.map((l) => [l.id, l.kind, l.account]).sort()).toEqual(
      [
        [locks.adminA.id, "user", world.a.admin.email],
        [locks.mailboxA.id, "mailbox", world.a.mailbox.address],
      ].sort(),
    );
    expect(list[0]).toMatchObject({ tenantName: "甲公司", failures: 5 });
  });

  it("an operator sees every lock in force, per-address ones too", async () => {
    const list = await policyCaller(operatorUser).ops.locks();
    expect(list.map((l) => l.id).sort()).toEqual([locks.adminA.id, locks.mailboxA.id, locks.mailboxB.id, locks.ip.id].sort());
    expect(list.find((l) => l.id === locks.ip.id)).toMatchObject({ kind: "ip", ip: "198.51.100.66", account: null, tenantId: null });
  });

  it("another tenant's lock and an address lock are NOT_FOUND for a tenant admin", async () => {
    for (const id of [locks.mailboxB.id, locks.ip.id, "no-such-lock"]) {
      expect((await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.unlock({ id }))).code).toBe("NOT_FOUND");
    }
  });

  it("an admin unlocks a mailbox: lifted at once, by whom, and logged", async () => {
    expect(await policyCaller(world.a.admin).tenant.unlock({ id: locks.mailboxA.id })).toEqual({ id: locks.mailboxA.id, unlocked: true });
    expect(await db.accountLock.findUniqueOrThrow({ where: { id: locks.mailboxA.id } })).toMatchObject({ unlockedById: world.a.admin.id, unlockedAt: expect.any(Date) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "account_lock.unlock", targetId: locks.mailboxA.id } });
    expect(audit).toMatchObject({ tenantId: world.a.tenant.id, actorId: world.a.admin.id });
    expect(audit.details).toMatchObject({ accountKind: "mailbox", account: world.a.mailbox.address });
    expect((await policyCaller(world.a.admin).tenant.locks()).map((l) => l.id)).toEqual([locks.adminA.id]);
  });

  it("unlocking again, or a lock that already ended, changes nothing", async () => {
    for (const id of [locks.mailboxA.id, locks.endedA.id, locks.liftedA.id]) {
      const before = await db.accountLock.findUniqueOrThrow({ where: { id } });
      expect(await policyCaller(world.a.admin).tenant.unlock({ id })).toEqual({ id, unlocked: false });
      expect(await db.accountLock.findUniqueOrThrow({ where: { id } })).toEqual(before);
    }
    expect(await db.auditEvent.count({ where: { action: "account_lock.unlock" } })).toBe(1);
  });

  it("an operator unlocks an address and another tenant's account", async () => {
    expect((await policyCaller(operatorUser).ops.unlock({ id: locks.ip.id })).unlocked).toBe(true);
    expect((await policyCaller(operatorUser).ops.unlock({ id: locks.mailboxB.id })).unlocked).toBe(true);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account_lock.unlock", targetId: locks.ip.id } })).toMatchObject({ tenantId: null, actorRole: "operator" });
  });
});

describe("the lockout allow-list", () => {
  it("a tenant admin adds a normalised range to their tenant's list and removes it", async () => {
    const entry = await policyCaller(world.a.admin).tenant.addAllowEntry({ cidr: "192.0.2.9/24", note: "HQ" });
    expect(entry).toMatchObject({ cidr: "192.0.2.0/24", note: "HQ" });
    expect(await db.lockoutAllowEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ scope: world.a.tenant.id });
    expect((await policyCaller(world.a.admin).tenant.allowList()).entries.map((e) => e.cidr)).toEqual(["192.0.2.0/24"]);
    expect((await policyCaller(world.b.admin).tenant.allowList()).entries).toEqual([]);
    const r = await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.addAllowEntry({ cidr: "192.0.2.0/24" }));
    expect(r).toMatchObject({ code: "CONFLICT", message: "192.0.2.0/24 is already on the allow-list" });
    expect((await refusedWritingNothing(() => policyCaller(world.b.admin).tenant.removeAllowEntry({ id: entry.id }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => policyCaller(operatorUser).ops.removeAllowEntry({ id: entry.id }))).code).toBe("NOT_FOUND");
    await policyCaller(world.a.admin).tenant.removeAllowEntry({ id: entry.id });
    expect(await db.auditEvent.count({ where: { action: { in: ["lockout_allow.create", "lockout_allow.delete"] }, targetId: entry.id, tenantId: world.a.tenant.id } })).toBe(2);
  });

  it("refuses a malformed range, writing nothing", async () => {
    for (const cidr of ["192.0.2.0/40", "fe80::zz", "" ]) {
      const r = await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.addAllowEntry({ cidr }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.cidr?.[0]).toBeTruthy();
    }
  });

  it("refuses a range broader than an office's network (/16 IPv4, /48 IPv6), for tenants and the platform alike", async () => {
    for (const cidr of ["0.0.0.0/0", "10.0.0.0/8", "::/0", "2001:db8::/32"]) {
      const r = await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.addAllowEntry({ cidr }));
      expect(r).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/is too broad for the allow-list: an IPv[46] range must be \/(16|48) or narrower/) });
      expect(r.fieldErrors?.cidr?.[0]).toBe(r.message);
    }
    const zh = await refusal(policyCaller(operatorUser).ops.addAllowEntry({ cidr: "0.0.0.0/0" }), "zh-CN");
    expect(zh.message).toMatch(/范围过大，不能加入锁定白名单/);
    expect((await policyCaller(world.a.admin).tenant.addAllowEntry({ cidr: "172.20.0.0/16" })).cidr).toBe("172.20.0.0/16");
  });

  it("operators keep the platform's list", async () => {
    const entry = await policyCaller(operatorUser).ops.addAllowEntry({ cidr: "2001:db8:1::/48", note: "NOC" });
    expect(await db.lockoutAllowEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ scope: "platform" });
    expect((await policyCaller(operatorUser).ops.allowList()).entries.map((e) => e.cidr)).toEqual(["2001:db8:1::/48"]);
    expect((await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.removeAllowEntry({ id: entry.id }))).code).toBe("NOT_FOUND");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "lockout_allow.create", targetId: entry.id } })).toMatchObject({ tenantId: null });
  });
});
