import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { createConsoleTenant } from "@/server/tenants/tenant-test-fixtures";
import { operatorUser, policyCaller, refusedWritingNothing, seedPolicyWorld } from "./policy-test-fixtures";

let world: Awaited<ReturnType<typeof seedPolicyWorld>>;
const HOME = "203.0.113.9"; // the tenant admin's own address in these tests
beforeAll(async () => {
  world = await seedPolicyWorld();
});
const admin = () => policyCaller(world.a.admin, HOME).tenant;

describe("adding IP sign-in rules", () => {
  it("normalises the range, stores the note, and logs it", async () => {
    const rule = await admin().addIpRule({ channel: "web", action: "allow", cidr: " 203.0.113.77/24 ", note: " office " });
    expect(rule).toMatchObject({ channel: "web", action: "allow", cidr: "203.0.113.0/24", note: "office" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ip_rule.create", targetId: rule.id } });
    expect(audit).toMatchObject({ tenantId: world.a.tenant.id, actorId: world.a.admin.id });
    expect(audit.details).toEqual({ channel: "web", action: "allow", cidr: "203.0.113.0/24", note: "office" });
  });

  it("takes IPv6 ranges and bare addresses", async () => {
    expect((await admin().addIpRule({ channel: "mail", action: "deny", cidr: "2001:DB8::1/32" })).cidr).toBe("2001:db8::/32");
    expect((await admin().addIpRule({ channel: "mail", action: "allow", cidr: "192.0.2.5" })).cidr).toBe("192.0.2.5/32");
  });

  it("refuses the same range on the same channel (CONFLICT), whatever its spelling or action", async () => {
    const r = await refusedWritingNothing(() => admin().addIpRule({ channel: "web", action: "deny", cidr: "203.0.113.0/24" }));
    expect(r).toMatchObject({ code: "CONFLICT", message: "There is already a rule for 203.0.113.0/24 on the web portal (allow)" });
    expect(r.fieldErrors?.cidr).toHaveLength(1);
    // The same range for mail clients is another rule.
    await admin().addIpRule({ channel: "mail", action: "allow", cidr: "203.0.113.0/24" });
  });

  it.each([
    ["300.1.1.1/24"],
    ["10.0.0.0/33"],
    ["2001:db8::/129"],
    ["not an address"],
    ["10.0.0.0/8/8"],
    [""],
  ])("refuses the malformed range %j under the field, writing nothing", async (cidr) => {
    const r = await refusedWritingNothing(() => admin().addIpRule({ channel: "web", action: "allow", cidr }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.cidr?.[0]).toBeTruthy();
  });

  it.each([[{ channel: "ftp", action: "allow", cidr: "10.0.0.0/8" }], [{ channel: "web", action: "maybe", cidr: "10.0.0.0/8" }], [{ channel: "web", action: "allow", cidr: "1".repeat(101) }], [{ channel: "web", action: "allow", cidr: "10.0.0.0/8", note: "x".repeat(121) }]])(
    "refuses malformed input %j",
    async (input) => {
      expect((await refusedWritingNothing(() => admin().addIpRule(input as never))).code).toBe("BAD_REQUEST");
    },
  );

  it("refuses a web deny rule over the admin's own address, but not one for mail clients or elsewhere", async () => {
    const r = await refusedWritingNothing(() => admin().addIpRule({ channel: "web", action: "deny", cidr: "203.0.113.9" }));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED", message: `This would deny your own address (${HOME}) on the web portal and lock you out. Add an allow rule that covers it first.` });
    expect(r.fieldErrors?.cidr).toHaveLength(1);
    // Longest prefix wins: a /16 deny leaves the /24 allow in charge of the admin's address.
    await admin().addIpRule({ channel: "web", action: "deny", cidr: "203.0.0.0/16" });
    await admin().addIpRule({ channel: "mail", action: "deny", cidr: "203.0.113.9" });
  });

  it("caps a tenant at 200 rules", async () => {
    const c = await createConsoleTenant({ name: "Many Rules" });
    await db.ipRule.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ tenantId: c.tenant.id, channel: "mail" as const, action: "deny" as const, cidr: `10.${Math.floor(i / 256)}.${i % 256}.0/24` })) });
    const r = await refusedWritingNothing(() => policyCaller(c.admin).tenant.addIpRule({ channel: "web", action: "allow", cidr: "192.0.2.0/24" }));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED", message: "At most 200 IP sign-in rules are allowed; remove one first" });
  });

  it("lists the tenant's rules only, with the defaults", async () => {
    const list = await admin().ipRules();
    expect(list.rules.map((r) => `${r.channel} ${r.action} ${r.cidr}`).sort()).toEqual(
      ["mail allow 192.0.2.5/32", "mail allow 203.0.113.0/24", "mail deny 2001:db8::/32", "mail deny 203.0.113.9/32", "web allow 203.0.113.0/24", "web deny 203.0.0.0/16"].sort(),
    );
    expect(list.defaults).toEqual({ web: "allow", mail: "allow" });
    expect((await policyCaller(world.b.admin).tenant.ipRules()).rules).toEqual([]);
  });
});

describe("the preview of an address", () => {
  it("shows the caller's own address and what each channel does with it", async () => {
    const p = await admin().preview({});
    expect(p).toEqual({ ip: HOME, own: true, web: { action: "allow", matched: "203.0.113.0/24", fallback: "allow" }, mail: { action: "deny", matched: "203.0.113.9/32", fallback: "allow" } });
  });

  it("tries another address, IPv6 too", async () => {
    expect(await admin().preview({ ip: "203.0.5.1" })).toMatchObject({ own: false, web: { action: "deny", matched: "203.0.0.0/16" }, mail: { action: "allow", matched: null } });
    expect((await admin().preview({ ip: "2001:db8::5" })).mail).toEqual({ action: "deny", matched: "2001:db8::/32", fallback: "allow" });
  });

  it("refuses something that is not an address", async () => {
    const r = await refusal(admin().preview({ ip: "10.0.0.0/8" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.ip?.[0]).toBeTruthy();
  });
});

describe("removing IP sign-in rules", () => {
  it("refuses to remove the allow rule that alone lets the admin in under a deny default", async () => {
    await admin().addIpRule({ channel: "web", action: "allow", cidr: "203.0.113.9" });
    await admin().update({ webDefault: "deny" });
    const { rules } = await admin().ipRules();
    const home = rules.find((r) => r.channel === "web" && r.cidr === "203.0.113.0/24")!;
    const exact = rules.find((r) => r.channel === "web" && r.cidr === "203.0.113.9/32")!;
    // Another allow rule still covers the address: removing one is fine.
    await admin().removeIpRule({ id: home.id });
    const r = await refusedWritingNothing(() => admin().removeIpRule({ id: exact.id }));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("removes a rule and logs it; another tenant's rule is NOT_FOUND", async () => {
    const rule = await admin().addIpRule({ channel: "mail", action: "deny", cidr: "198.51.100.0/24" });
    expect((await refusedWritingNothing(() => policyCaller(world.b.admin).tenant.removeIpRule({ id: rule.id }))).code).toBe("NOT_FOUND");
    expect(await admin().removeIpRule({ id: rule.id })).toEqual({ id: rule.id, removed: true });
    expect(await db.ipRule.count({ where: { id: rule.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "ip_rule.delete", targetId: rule.id, tenantId: world.a.tenant.id } })).toBe(1);
    expect((await refusedWritingNothing(() => admin().removeIpRule({ id: rule.id }))).code).toBe("NOT_FOUND");
  });
});

describe("operators and a tenant's IP rules", () => {
  const ops = () => policyCaller(operatorUser, "192.0.2.200").ops;

  it("read, add and remove them by tenant id, not held to the tenant admin's address", async () => {
    const rule = await ops().addIpRule({ tenantId: world.b.tenant.id, channel: "web", action: "deny", cidr: "0.0.0.0/0" });
    expect((await ops().tenantIpRules({ tenantId: world.b.tenant.id })).rules.map((r) => r.cidr)).toEqual(["0.0.0.0/0"]);
    expect((await ops().preview({ tenantId: world.b.tenant.id, ip: "192.0.2.1" })).web).toMatchObject({ action: "deny", matched: "0.0.0.0/0" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ip_rule.create", targetId: rule.id } });
    expect(audit).toMatchObject({ tenantId: world.b.tenant.id, actorRole: "operator" });
    await ops().removeIpRule({ id: rule.id });
    expect(await db.ipRule.count({ where: { tenantId: world.b.tenant.id } })).toBe(0);
  });

  it("get NOT_FOUND for a tenant that does not exist", async () => {
    for (const call of [
      () => ops().tenantIpRules({ tenantId: "nope" }),
      () => ops().addIpRule({ tenantId: "nope", channel: "web", action: "deny", cidr: "10.0.0.0/8" }),
      () => ops().preview({ tenantId: "nope" }),
      () => ops().removeIpRule({ id: "nope" }),
    ]) {
      expect((await refusedWritingNothing(call)).code).toBe("NOT_FOUND");
    }
  });
});
