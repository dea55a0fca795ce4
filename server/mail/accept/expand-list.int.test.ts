import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { createAlias, createList, createMailbox, createMailTenant, type MailTenant } from "../mail-test-fixtures";
import { accepted, accountOf, rcpt, targets, useCacheSeconds } from "./accept-test-helpers";
import { MAX_LIST_DEPTH } from "./expand-list";
import { maxMessageBytes } from "./message-size";

type Box = Awaited<ReturnType<typeof createMailbox>>;
let t: MailTenant;
let a: Box;
let b: Box;
let named: Box;

beforeAll(async () => {
  useCacheSeconds(0);
  t = await createMailTenant({ attachmentLimitMb: 50 });
  [a, b, named] = [await createMailbox(t), await createMailbox(t), await createMailbox(t)];
});

describe("list expansion", () => {
  it("delivers to member mailboxes with the list as envelope recipient, and queues outside members for the relay", async () => {
    const list = await createList(t, { members: [a, b, "Partner@Outside.example"] });
    const r = accepted(await rcpt(list.address));
    expect(r.rcpt).toBe(list.address);
    expect(r.local).toEqual(
      expect.arrayContaining([
        { mailboxId: a.id, tenantId: t.tenant.id, address: a.address, rcpt: list.address, listId: list.id },
        { mailboxId: b.id, tenantId: t.tenant.id, address: b.address, rcpt: list.address, listId: list.id },
      ]),
    );
    expect(r.local).toHaveLength(2);
    expect(r.remote).toEqual([{ recipient: "partner@outside.example", rcpt: list.address, tenantId: t.tenant.id }]);
    expect(r.maxMessageBytes).toBe(maxMessageBytes(50));
  });

  it("leaves out disabled member mailboxes", async () => {
    const off = await createMailbox(t, { status: "disabled" });
    const list = await createList(t, { members: [a, off] });
    expect(targets(await rcpt(list.address)).local).toEqual([a.address]);
  });

  it("delivers an outside member that is a mailbox or alias on the platform locally, once per mailbox", async () => {
    const other = await createMailTenant({ attachmentLimitMb: 30 });
    const far = await createMailbox(other);
    const farAlias = await createAlias(far, `alias-${far.localPart}@${other.domain.name}`);
    const list = await createList(t, { members: [a, far.address, farAlias.address] });
    const r = accepted(await rcpt(list.address));
    expect(r.local.map((d) => [d.mailboxId, d.tenantId])).toEqual(
      expect.arrayContaining([
        [a.id, t.tenant.id],
        [far.id, other.tenant.id],
      ]),
    );
    expect(r.local).toHaveLength(2);
    // The smallest plan behind the list: the other tenant's 30 MB.
    expect(r.maxMessageBytes).toBe(maxMessageBytes(30));
  });

  it("keeps members whose address cannot receive out (unknown user on a platform domain)", async () => {
    const list = await createList(t, { members: [a, `ghost@${t.domain.name}`] });
    expect(targets(await rcpt(list.address))).toEqual({ local: [a.address], remote: [] });
  });
});

describe("sender policies", () => {
  const stranger = "stranger@outside.example";

  it("anyone: strangers and bounces get through", async () => {
    const list = await createList(t, { policy: "anyone", members: [a] });
    expect(targets(await rcpt(list.address, { mailFrom: stranger })).local).toEqual([a.address]);
    expect(targets(await rcpt(list.address, { mailFrom: "" })).local).toEqual([a.address]);
  });

  it("members_and_senders: a member (from an alias too) and a named sender get through, others get 550 5.7.1", async () => {
    const list = await createList(t, { policy: "members_and_senders", members: [a], senders: [named, "boss@outside.example"] });
    const alias = await createAlias(a, `a-alias-${a.localPart}@${t.domain.name}`);
    for (const from of [a.address, alias.address, named.address, "Boss@Outside.example"]) {
      expect(targets(await rcpt(list.address, { mailFrom: from })).local).toEqual([a.address]);
    }
    expect(await rcpt(list.address, { mailFrom: stranger })).toEqual({ code: 550, enhanced: "5.7.1", text: `Only members of ${list.address} and its named senders may send to it` });
    expect(await rcpt(list.address, { mailFrom: "" })).toEqual({ code: 550, enhanced: "5.7.1", text: `${list.address} does not accept mail without a sender address` });
  });

  it("senders_only: only named senders, not even members", async () => {
    const list = await createList(t, { policy: "senders_only", members: [a], senders: [named] });
    expect(targets(await rcpt(list.address, { mailFrom: named.address })).local).toEqual([a.address]);
    expect(await rcpt(list.address, { mailFrom: a.address })).toEqual({ code: 550, enhanced: "5.7.1", text: `Only the named senders of ${list.address} may send to it` });
  });

  it("organisation: any address on the tenant's domains, no one outside", async () => {
    const list = await createList(t, { policy: "organisation", members: [a] });
    expect(targets(await rcpt(list.address, { mailFrom: `anyone@${t.domain.name}` })).local).toEqual([a.address]);
    expect(await rcpt(list.address, { mailFrom: stranger })).toEqual({ code: 550, enhanced: "5.7.1", text: `Only addresses of this organisation may send to ${list.address}` });
  });

  it("judges the envelope sender on submission too", async () => {
    const list = await createList(t, { policy: "senders_only", members: [a], senders: [named] });
    expect(targets(await rcpt(list.address, { listener: "submission", sender: await accountOf(named), mailFrom: named.address })).local).toEqual([a.address]);
    expect(await rcpt(list.address, { listener: "submission", sender: await accountOf(b), mailFrom: b.address })).toMatchObject({ code: 550, enhanced: "5.7.1" });
  });
});

describe("nested lists", () => {
  it("expands a list inside a list, each mailbox once, with the outer list as envelope recipient", async () => {
    const inner = await createList(t, { members: [b, a] });
    const outer = await createList(t, { members: [a, inner.address] });
    const r = accepted(await rcpt(outer.address));
    // a is in both: credited to the outer list, which names it directly.
    expect(r.local).toEqual([
      { mailboxId: a.id, tenantId: t.tenant.id, address: a.address, rcpt: outer.address, listId: outer.id },
      { mailboxId: b.id, tenantId: t.tenant.id, address: b.address, rcpt: outer.address, listId: inner.id },
    ]);
    expect(r.remote).toEqual([]);
  });

  it("applies the nested list's own policy to the original sender", async () => {
    const inner = await createList(t, { policy: "senders_only", members: [b], senders: [named] });
    const outer = await createList(t, { policy: "anyone", members: [a, inner.address] });
    expect(targets(await rcpt(outer.address, { mailFrom: "stranger@outside.example" })).local).toEqual([a.address]);
    expect(targets(await rcpt(outer.address, { mailFrom: named.address })).local).toEqual([a.address, b.address].sort());
  });

  it("stops at a loop: each list's members once", async () => {
    const one = await createList(t, { members: [a] });
    const two = await createList(t, { members: [b, one.address] });
    await db.mailingListEntry.create({ data: { listId: one.id, role: "member", address: two.address } });
    expect(targets(await rcpt(one.address))).toEqual({ local: [a.address, b.address].sort(), remote: [] });
    const self = await createList(t, { members: [a] });
    await db.mailingListEntry.create({ data: { listId: self.id, role: "member", address: self.address } });
    expect(targets(await rcpt(self.address))).toEqual({ local: [a.address], remote: [] });
  });

  it(`follows at most ${MAX_LIST_DEPTH} levels`, async () => {
    const boxes: Box[] = [];
    let next: string | null = null;
    for (let level = 7; level >= 1; level--) {
      const box = await createMailbox(t);
      boxes.unshift(box);
      const list: { address: string } = await createList(t, { members: next ? [box, next] : [box] });
      next = list.address;
    }
    const r = targets(await rcpt(next!));
    expect(r.local).toEqual(boxes.slice(0, MAX_LIST_DEPTH).map((m) => m.address).sort());
  });

  it("leaves out a nested list of a suspended tenant", async () => {
    const other = await createMailTenant();
    const far = await createMailbox(other);
    const farList = await createList(other, { members: [far] });
    await db.tenant.update({ where: { id: other.tenant.id }, data: { status: "suspended" } });
    const list = await createList(t, { members: [a, farList.address] });
    expect(targets(await rcpt(list.address))).toEqual({ local: [a.address], remote: [] });
  });
});
