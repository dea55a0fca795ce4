import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { seatUsage } from "../seats/seat-usage";
import { addTenantDomain, consoleCaller, createConsoleTenant, seedMailboxes, uniqueLocalPart, type ConsoleTenant } from "../tenant-test-fixtures";
import { loadListForDelivery } from "./load-list-for-delivery";
import { maySendToList } from "./may-send-to-list";

let t: ConsoleTenant;
const lists = () => consoleCaller(t.admin).lists;
const audits = (action: string) => db.auditEvent.count({ where: { tenantId: t.tenant.id, action } });

beforeAll(async () => {
  t = await createConsoleTenant({ name: "Lists", seats: 2 });
});

describe("creating, editing and deleting lists", () => {
  it("creates a list with each of the four policies, claiming each address as kind list, using no seat", async () => {
    const seatsBefore = await seatUsage(db, t.tenant.id);
    for (const policy of ["anyone", "members_and_senders", "senders_only", "organisation"] as const) {
      const localPart = `Policy.${policy.replaceAll("_", "-")}`;
      const list = await lists().create({ domainId: t.domain.id, localPart, name: `列表 ${policy}`, description: "  说明  ", policy });
      const address = `${localPart.toLowerCase()}@${t.domain.name}`;
      expect(list).toMatchObject({ address, policy, memberCount: 0, description: "说明" });
      expect(await db.mailAddress.findUniqueOrThrow({ where: { address } })).toMatchObject({ kind: "list", listId: list.id, tenantId: t.tenant.id, mailboxId: null });
    }
    expect(await seatUsage(db, t.tenant.id)).toEqual(seatsBefore);
    expect(await audits("list.create")).toBeGreaterThanOrEqual(4);
  });

  it("puts a list on an alias domain of the tenant", async () => {
    const alias = await addTenantDomain(t.tenant.id, t.domain.id);
    const list = await lists().create({ domainId: alias.id, localPart: "sales", name: "销售", policy: "anyone" });
    expect(list.address).toBe(`sales@${alias.name}`);
  });

  it("edits name, description and policy, keeps the address, and logs what changed", async () => {
    const list = await lists().create({ domainId: t.domain.id, localPart: uniqueLocalPart("e"), name: "旧", description: "d", policy: "anyone" });
    const edited = await lists().update({ listId: list.id, name: "新", policy: "senders_only" });
    expect(edited).toMatchObject({ address: list.address, name: "新", description: null, policy: "senders_only" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "list.update", targetId: list.id } });
    expect(audit.details).toMatchObject({ changed: { name: { from: "旧", to: "新" }, description: { from: "d", to: null }, policy: { from: "anyone", to: "senders_only" } } });
  });

  it("deletes a list with its entries and frees its address; members' mailboxes stay", async () => {
    const [mailboxId] = await seedMailboxes(t, 1);
    const list = await lists().create({ domainId: t.domain.id, localPart: "to-delete", name: "x", policy: "anyone" });
    await lists().addEntry({ listId: list.id, role: "member", mailboxId });
    await lists().addEntry({ listId: list.id, role: "sender", address: "a@outside.example" });
    expect(await lists().delete({ listId: list.id })).toEqual({ deleted: list.id });
    expect(await db.mailingListEntry.count({ where: { listId: list.id } })).toBe(0);
    expect(await db.mailAddress.count({ where: { address: list.address } })).toBe(0);
    expect(await db.mailbox.count({ where: { id: mailboxId } })).toBe(1);
    expect(await audits("list.delete")).toBe(1);
    await lists().create({ domainId: t.domain.id, localPart: "to-delete", name: "again", policy: "anyone" });
  });
});

describe("members and named senders", () => {
  it("adds mailboxes and outside addresses, shows them on the list, and removes them idempotently", async () => {
    const [a, b] = await seedMailboxes(t, 2);
    const mailboxB = await db.mailbox.findUniqueOrThrow({ where: { id: b! } });
    const list = await lists().create({ domainId: t.domain.id, localPart: uniqueLocalPart("m"), name: "m", policy: "members_and_senders" });
    await lists().addEntry({ listId: list.id, role: "member", mailboxId: a });
    // A mailbox's address typed in is linked to the mailbox.
    const typed = await lists().addEntry({ listId: list.id, role: "member", address: mailboxB.address.toUpperCase() });
    expect(typed).toMatchObject({ mailboxId: b, address: mailboxB.address, displayName: mailboxB.displayName });
    const outside = await lists().addEntry({ listId: list.id, role: "member", address: "Partner@Outside.Example" });
    await lists().addEntry({ listId: list.id, role: "sender", address: "boss@press.example" });

    const detail = await lists().get({ listId: list.id });
    expect(detail.memberCount).toBe(3);
    expect(detail.members.map((m) => m.address)).toContain("partner@outside.example");
    expect(detail.senders.map((s) => s.address)).toEqual(["boss@press.example"]);
    expect((await lists().list()).rows.find((r) => r.id === list.id)?.memberCount).toBe(3);

    expect(await lists().removeEntry({ listId: list.id, entryId: outside.id })).toEqual({ removed: outside.id });
    expect(await lists().removeEntry({ listId: list.id, entryId: outside.id })).toEqual({ removed: null }); // a retried click
    expect((await lists().get({ listId: list.id })).members).toHaveLength(2);
    expect(await audits("list.entry.remove")).toBe(1);
  });

  it("finds member candidates by address or display name", async () => {
    const [id] = await seedMailboxes(t, 1);
    const mailbox = await db.mailbox.update({ where: { id: id! }, data: { displayName: "张三丰" } });
    expect((await lists().memberCandidates({ search: "三丰" })).map((c) => c.id)).toEqual([mailbox.id]);
    expect((await lists().memberCandidates({ search: mailbox.localPart.toUpperCase() })).map((c) => c.id)).toEqual([mailbox.id]);
  });
});

describe("loadListForDelivery: what the mail engine gets", () => {
  it("returns the rule's inputs and the addresses to expand to, for any case of the address", async () => {
    const alias = await addTenantDomain(t.tenant.id, t.domain.id);
    const [member, disabled, sender] = await seedMailboxes(t, 3);
    const memberBox = await db.mailbox.findUniqueOrThrow({ where: { id: member! } });
    // The member mailbox also has an alias: it may send from it too.
    const memberAlias = `nick-${memberBox.localPart}@${t.domain.name}`;
    await db.mailAddress.create({ data: { address: memberAlias, tenantId: t.tenant.id, domainId: t.domain.id, kind: "alias", mailboxId: member! } });
    await db.mailbox.update({ where: { id: disabled! }, data: { status: "disabled" } });
    const list = await lists().create({ domainId: t.domain.id, localPart: "engine", name: "engine", policy: "members_and_senders" });
    for (const mailboxId of [member, disabled]) await lists().addEntry({ listId: list.id, role: "member", mailboxId });
    await lists().addEntry({ listId: list.id, role: "member", address: "partner@outside.example" });
    await lists().addEntry({ listId: list.id, role: "sender", mailboxId: sender });

    const loaded = await loadListForDelivery(`ENGINE@${t.domain.name.toUpperCase()}`);
    expect(loaded).not.toBeNull();
    const senderBox = await db.mailbox.findUniqueOrThrow({ where: { id: sender! } });
    const disabledBox = await db.mailbox.findUniqueOrThrow({ where: { id: disabled! } });
    expect(loaded!.listId).toBe(list.id);
    expect(loaded!.tenantId).toBe(t.tenant.id);
    expect(loaded!.deliverTo.sort()).toEqual([memberBox.address, "partner@outside.example"].sort());
    expect(loaded!.rule.members).toEqual(expect.arrayContaining([memberBox.address, memberAlias, disabledBox.address, "partner@outside.example"]));
    expect(loaded!.rule.senders).toEqual([senderBox.address]);
    expect(loaded!.rule.domains).toEqual(expect.arrayContaining([{ name: t.domain.name, aliasOf: null }, { name: alias.name, aliasOf: t.domain.name }]));

    const may = (from: string) => maySendToList(loaded!.rule, from).allowed;
    expect(may(memberAlias)).toBe(true);
    expect(may(memberBox.address.replace(t.domain.name, alias.name))).toBe(true);
    expect(may(senderBox.address)).toBe(true);
    expect(may("stranger@outside.example")).toBe(false);
  });

  it("returns null for an address that is no list", async () => {
    expect(await loadListForDelivery(`nobody@${t.domain.name}`)).toBeNull();
  });
});
