import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { addTenantDomain, createAlias, createMailbox, createMailTenant, uniqueDomainName, type MailTenant } from "../mail-test-fixtures";
import { accepted, accountOf, rcpt, useCacheSeconds } from "./accept-test-helpers";
import { maxMessageBytes } from "./message-size";

const MIB = 1024 * 1024;
let t: MailTenant;
let zhang: Awaited<ReturnType<typeof createMailbox>>;

beforeAll(async () => {
  useCacheSeconds(0);
  t = await createMailTenant({ attachmentLimitMb: 30 });
  zhang = await createMailbox(t, { localPart: "zhang", quotaMb: 10 });
});

describe("a mailbox recipient", () => {
  it("is delivered to the mailbox, whatever the case of the address", async () => {
    const r = accepted(await rcpt(`Zhang@${t.domain.name.toUpperCase()}`));
    expect(r).toEqual({
      rcpt: zhang.address,
      local: [{ mailboxId: zhang.id, tenantId: t.tenant.id, address: zhang.address, rcpt: zhang.address }],
      remote: [],
      maxMessageBytes: maxMessageBytes(30),
    });
  });

  it("is unknown: 550 5.1.1 naming the address", async () => {
    expect(await rcpt(`nobody@${t.domain.name}`)).toEqual({ code: 550, enhanced: "5.1.1", text: `Recipient address rejected: <nobody@${t.domain.name}> does not exist here` });
  });

  it("refuses bad syntax with 501 5.1.3", async () => {
    expect(await rcpt("zhang@@example.com")).toMatchObject({ code: 501, enhanced: "5.1.3" });
    expect(await rcpt("zhang")).toMatchObject({ code: 501, enhanced: "5.1.3" });
  });

  it("refuses a disabled mailbox with 550 5.2.1", async () => {
    const off = await createMailbox(t, { status: "disabled" });
    expect(await rcpt(off.address)).toEqual({ code: 550, enhanced: "5.2.1", text: `Recipient address rejected: mailbox <${off.address}> is disabled` });
  });
});

describe("an alias", () => {
  it("delivers to its mailbox, with the alias as the envelope recipient", async () => {
    const alias = await createAlias(zhang, `sales@${t.domain.name}`);
    const r = accepted(await rcpt(alias.address));
    expect(r.rcpt).toBe(alias.address);
    expect(r.local).toEqual([{ mailboxId: zhang.id, tenantId: t.tenant.id, address: zhang.address, rcpt: alias.address }]);
  });

  it("on an alias domain: the same local part on the primary receives it", async () => {
    const aliasDomain = await addTenantDomain(t.tenant.id, t.domain.id);
    const r = accepted(await rcpt(`zhang@${aliasDomain.name}`));
    expect(r.local).toEqual([{ mailboxId: zhang.id, tenantId: t.tenant.id, address: zhang.address, rcpt: `zhang@${aliasDomain.name}` }]);
    expect(await rcpt(`nobody@${aliasDomain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
  });

  it("an alias domain that is not ready itself is refused, even when its primary is", async () => {
    const aliasDomain = await addTenantDomain(t.tenant.id, t.domain.id);
    await db.domain.update({ where: { id: aliasDomain.id }, data: { state: "owned" } });
    expect(await rcpt(`zhang@${aliasDomain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.2" });
  });
});

describe("the recipient's domain", () => {
  it("a domain that is not the platform's: relaying denied on MX", async () => {
    expect(await rcpt("someone@gmail.example")).toEqual({ code: 550, enhanced: "5.7.1", text: "Relaying denied: <someone@gmail.example> is not on a domain this server receives mail for" });
  });

  it("a domain that is not the platform's: queued for the relay on submission, on the sender's tenant", async () => {
    const sender = await accountOf(zhang);
    const r = accepted(await rcpt("Someone@Gmail.example", { listener: "submission", sender, mailFrom: zhang.address }));
    expect(r).toEqual({
      rcpt: "someone@gmail.example",
      local: [],
      remote: [{ recipient: "someone@gmail.example", rcpt: "someone@gmail.example", tenantId: t.tenant.id }],
      maxMessageBytes: maxMessageBytes(30),
    });
  });

  it("turns a Unicode domain into ASCII before looking it up", async () => {
    const sender = await accountOf(zhang);
    const r = accepted(await rcpt("li@例子.中国", { listener: "submission", sender, mailFrom: zhang.address }));
    expect(r.remote[0]?.recipient).toBe("li@xn--fsqu00a.xn--fiqs8s");
  });

  it.each(["unverified", "owned"] as const)("a platform domain in state %s: 550 5.1.2 on MX, relayed on submission", async (state) => {
    const other = await createMailTenant();
    const box = await createMailbox(other);
    await db.domain.update({ where: { id: other.domain.id }, data: { state } });
    expect(await rcpt(box.address)).toEqual({ code: 550, enhanced: "5.1.2", text: `Recipient address rejected: ${other.domain.name} is not ready to receive mail here` });
    const r = accepted(await rcpt(box.address, { listener: "submission", sender: await accountOf(zhang), mailFrom: zhang.address }));
    expect(r.local).toEqual([]);
    expect(r.remote).toEqual([{ recipient: box.address, rcpt: box.address, tenantId: t.tenant.id }]);
  });

  it("a degraded domain still receives while its MX is ours, not once the MX moved away", async () => {
    const other = await createMailTenant();
    const box = await createMailbox(other);
    await db.domain.update({ where: { id: other.domain.id }, data: { state: "degraded", mxFailingSince: null } });
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await db.domain.update({ where: { id: other.domain.id }, data: { mxFailingSince: new Date() } });
    expect(await rcpt(box.address)).toMatchObject({ code: 550, enhanced: "5.1.2" });
  });

  it.each(["suspended", "frozen"] as const)("a %s tenant: 550 5.2.1 on MX and on submission", async (status) => {
    const other = await createMailTenant();
    const box = await createMailbox(other);
    await db.tenant.update({ where: { id: other.tenant.id }, data: { status } });
    const expected = { code: 550, enhanced: "5.2.1", text: `Recipient address rejected: the organisation of <${box.address}> is suspended and receives no mail` };
    expect(await rcpt(box.address)).toEqual(expected);
    expect(await rcpt(box.address, { listener: "submission", sender: await accountOf(zhang), mailFrom: zhang.address })).toEqual(expected);
  });

  it("an unknown platform domain is not confused with a foreign one: an unbound name is relaying", async () => {
    expect(await rcpt(`zhang@${uniqueDomainName()}`)).toMatchObject({ code: 550, enhanced: "5.7.1" });
  });
});

describe("quota", () => {
  it("refuses a mailbox at or over its quota with 552 5.2.2", async () => {
    const box = await createMailbox(t, { quotaMb: 1 });
    await db.mailbox.update({ where: { id: box.id }, data: { usedBytes: BigInt(MIB) } });
    expect(await rcpt(box.address)).toEqual({ code: 552, enhanced: "5.2.2", text: `Mailbox <${box.address}> is full (quota 1 MB)` });
  });

  it("counts the declared SIZE: what fits is accepted, what would not is refused", async () => {
    const box = await createMailbox(t, { quotaMb: 1 });
    await db.mailbox.update({ where: { id: box.id }, data: { usedBytes: BigInt(MIB - 1000) } });
    expect(accepted(await rcpt(box.address, { declaredSize: 999 })).local).toHaveLength(1);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    expect(await rcpt(box.address, { declaredSize: 1000 })).toMatchObject({ code: 552, enhanced: "5.2.2" });
  });
});

describe("declared size against the plan", () => {
  it("refuses a SIZE over the recipient's plan with 552 5.3.4, naming both sizes", async () => {
    const max = maxMessageBytes(30);
    expect(accepted(await rcpt(zhang.address, { declaredSize: 5 * MIB })).maxMessageBytes).toBe(max);
    const big = await createMailbox(t, { quotaMb: 100_000 });
    expect(accepted(await rcpt(big.address, { declaredSize: max })).local).toHaveLength(1);
    expect(await rcpt(big.address, { declaredSize: max + 1 })).toEqual({
      code: 552,
      enhanced: "5.3.4",
      text: `Message size ${max + 1} bytes exceeds the limit of ${max} bytes for <${big.address}>`,
    });
  });

  it("checks size before quota: a message too big for the plan is told so, not that the mailbox is full", async () => {
    expect(await rcpt(zhang.address, { declaredSize: maxMessageBytes(30) + 1 })).toMatchObject({ code: 552, enhanced: "5.3.4" });
  });

  it("bounds a relayed message by the sender's plan", async () => {
    const r = await rcpt("far@away.example", { listener: "submission", sender: await accountOf(zhang), mailFrom: zhang.address, declaredSize: maxMessageBytes(30) + 1 });
    expect(r).toMatchObject({ code: 552, enhanced: "5.3.4" });
  });

  it("gives a tenant without an active subscription the 30 MB default", async () => {
    const other = await createMailTenant({ seats: 0, attachmentLimitMb: 100 });
    const box = await createMailbox(other);
    expect(accepted(await rcpt(box.address)).maxMessageBytes).toBe(maxMessageBytes(30));
    const paid = await createMailTenant({ attachmentLimitMb: 100 });
    expect(accepted(await rcpt((await createMailbox(paid)).address)).maxMessageBytes).toBe(maxMessageBytes(100));
  });
});

describe("postmaster@ and abuse@ (RFC 5321 §4.5.1, RFC 2142)", () => {
  const admin = (tenantId: string, email: string, status: "active" | "disabled" = "active") =>
    db.user.create({ data: { tenantId, email, name: "Admin", role: "tenant_admin", status, passwordHash: "x" } });

  it("go to the tenant's active administrators: a platform mailbox locally, an outside address by relay", async () => {
    const other = await createMailTenant();
    const inside = await createMailbox(other);
    await admin(other.tenant.id, `Boss-${other.tenant.id}@Outside.example`);
    await admin(other.tenant.id, inside.address);
    await admin(other.tenant.id, `gone-${other.tenant.id}@outside.example`, "disabled");
    for (const role of ["postmaster", "abuse"]) {
      const address = `${role}@${other.domain.name}`;
      const r = accepted(await rcpt(`${role.toUpperCase()}@${other.domain.name}`, { mailFrom: "" }));
      expect(r.local).toEqual([{ mailboxId: inside.id, tenantId: other.tenant.id, address: inside.address, rcpt: address }]);
      expect(r.remote).toEqual([{ recipient: `boss-${other.tenant.id}@outside.example`.toLowerCase(), rcpt: address, tenantId: other.tenant.id }]);
    }
  });

  it("is unknown (550 5.1.1) when the tenant has no active administrator", async () => {
    const other = await createMailTenant();
    expect(await rcpt(`postmaster@${other.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
    expect(await rcpt(`hostmaster@${other.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
  });
});
