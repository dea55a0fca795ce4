import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "@/server/audit/record-audit";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { closeStorePool } from "@/server/mail/store/store-db";
import { usedBytesMismatches } from "@/server/mail/store/store-test-helpers";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { deleteQuarantinedMessage } from "./delete-quarantined-message";
import { expireQuarantine } from "./expire-quarantine";
import { listQuarantine as listParsed } from "./list-quarantine";
import { previewQuarantinedMessage } from "./preview-quarantined-message";
import { holdMessage } from "./quarantine-test-fixtures";
import { releaseQuarantinedMessage } from "./release-quarantined-message";
import { ZQuarantineListRequest, type TQuarantineListRequest } from "./quarantine.types";
import { reportSpam } from "./report-spam";

// The quarantine's use cases against the real store (files under a scratch DATA_DIR, rows in
// this file's own database). rspamd's controller and spamd are pointed at closed ports: teaching
// must then fail without undoing the release (live ones are exercised by the filter's own tests).

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
type Box = Awaited<ReturnType<typeof createMailbox>>;
let tenantId: string;
let bob: Box, carol: Box;
const admin: AuditActor = { id: "admin-1", email: "admin@corp.example", role: "tenant_admin", tenantId: null, ip: "127.0.0.1" };

beforeAll(async () => {
  scratch = await scratchDataDir();
  process.env.RSPAMD_CONTROLLER_URL = "http://127.0.0.1:9";
  process.env.SPAMD_PORT = "9";
  process.env.RSPAMD_TIMEOUT_MS = "1000";
  resetEnvCache();
  const t = await createMailTenant();
  tenantId = t.tenant.id;
  [bob, carol] = await Promise.all([createMailbox(t), createMailbox(t)]);
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

const fileExists = async (rel: string) => (await stat(path.join(storeRoot(), rel)).catch(() => null)) !== null;
const usedBytes = async (id: string) => (await db.mailbox.findUniqueOrThrow({ where: { id } })).usedBytes;
const inboundLine = (messageId: string, mailboxId: string) => db.messageEvent.findFirstOrThrow({ where: { messageId, mailboxId, direction: "inbound" } });
const listQuarantine = (scope: { tenantId: string; mailboxId?: string }, input: TQuarantineListRequest) => listParsed(scope, ZQuarantineListRequest.parse(input));
const pathOf = async (messageId: string) => (await db.mailMessage.findUniqueOrThrow({ where: { id: messageId } })).path;

describe("listQuarantine", () => {
  it("lists the tenant's held entries newest first with their reasons, and a mailbox user's own only", async () => {
    const older = await holdMessage([bob], { subject: "List older", receivedAt: new Date(Date.now() - 60_000) });
    const newer = await holdMessage([bob, carol], { subject: "List newer" });
    const all = await listQuarantine({ tenantId }, { state: "held", sender: "spammer@" });
    const subjects = all.rows.map((r) => r.subject).filter((s) => s.startsWith("List "));
    expect(subjects).toEqual(["List newer", "List newer", "List older"]);
    const row = all.rows.find((r) => r.id === newer.idOf(carol))!;
    expect(row).toMatchObject({ mailbox: carol.address, rcpt: carol.address, kind: "spam", score: 1015.5, sender: "spammer@bad.example" });
    expect(row.reasons[0]).toEqual({ name: "GTUBE", score: 1000, description: "Generic unsolicited bulk email test" });
    const carols = await listQuarantine({ tenantId, mailboxId: carol.id }, { state: "held" });
    expect(carols.rows.map((r) => r.id)).toContain(newer.idOf(carol));
    expect(carols.rows.map((r) => r.id)).not.toContain(older.idOf(bob));
    expect((await listQuarantine({ tenantId }, { state: "held", recipient: carol.address })).rows.every((r) => r.mailbox === carol.address)).toBe(true);
    expect((await listQuarantine({ tenantId }, { state: "held", kind: "virus" })).rows).toEqual([]);
  });

  it("pages by cursor and refuses a cursor it did not write", async () => {
    for (let i = 0; i < 3; i++) await holdMessage([carol], { subject: `Page ${i}`, mailFrom: "pager@bad.example" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listQuarantine({ tenantId }, { state: "held", sender: "pager@", cursor });
      seen.push(...page.rows.map((r) => r.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Page 2", "Page 1", "Page 0"]);
    await expect(listQuarantine({ tenantId }, { state: "held", cursor: "page-2" })).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { cursor: [expect.stringContaining("not a cursor")] } });
  });
});

describe("previewQuarantinedMessage", () => {
  it("shows the headers and the text, and refuses an entry outside the scope", async () => {
    const held = await holdMessage([bob], { subject: "Preview me", body: "Hello <b>friend</b>\r\nsecond line" });
    const { entry, preview } = await previewQuarantinedMessage({ tenantId }, held.idOf(bob));
    expect(entry.subject).toBe("Preview me");
    expect(preview.subject).toBe("Preview me");
    expect(preview.from).toBe("spammer@bad.example");
    expect(preview.text).toContain("Hello <b>friend</b>");
    expect(preview.headers[0]).toMatch(/^Received: /);
    await expect(previewQuarantinedMessage({ tenantId, mailboxId: carol.id }, held.idOf(bob))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(previewQuarantinedMessage({ tenantId: "other" }, held.idOf(bob))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("releaseQuarantinedMessage", () => {
  it("delivers into the mailbox, marks the entry, moves the log line, audits, and reports a failed teaching", async () => {
    const held = await holdMessage([bob], { subject: "Release me" });
    const before = await usedBytes(bob.id);
    const out = await releaseQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    expect(out.released).toBe(true);
    expect(out.teach?.taught).toBe(false);
    expect(out.teach?.detail).toMatch(/rspamd/i);
    const copy = await db.storedMessage.findUniqueOrThrow({ where: { mailboxId_messageId: { mailboxId: bob.id, messageId: held.msg.id } } });
    expect(copy.size).toBe(held.msg.bytes.length);
    expect(await usedBytes(bob.id)).toBe(before + BigInt(held.msg.bytes.length));
    const item = await db.quarantineItem.findUniqueOrThrow({ where: { id: BigInt(held.idOf(bob)) } });
    expect(item.releasedBy).toBe("admin@corp.example");
    expect(item.expiresAt.getTime()).toBeLessThanOrEqual(item.releasedAt!.getTime() + 86_400_000);
    const line = await inboundLine(held.msg.id, bob.id);
    expect(line.status).toBe("delivered");
    expect(line.reason).toBe("released from quarantine by admin@corp.example");
    expect((line.history as { status: string }[]).map((h) => h.status)).toEqual(["received", "quarantined", "delivered"]);
    expect(await db.auditEvent.count({ where: { action: "quarantine.release", targetId: held.idOf(bob) } })).toBe(1);
    expect(await usedBytesMismatches()).toEqual([]);
    // It leaves the held list for the released one.
    expect((await listQuarantine({ tenantId }, { state: "held" })).rows.map((r) => r.id)).not.toContain(held.idOf(bob));
    expect((await listQuarantine({ tenantId }, { state: "released" })).rows.map((r) => r.id)).toContain(held.idOf(bob));
  });

  it("is idempotent: released twice (even at once) delivers once", async () => {
    const held = await holdMessage([carol], { subject: "Twice" });
    const before = await usedBytes(carol.id);
    const outs = await Promise.all([releaseQuarantinedMessage(admin, { tenantId }, held.idOf(carol)), releaseQuarantinedMessage(admin, { tenantId }, held.idOf(carol))]);
    expect(outs.map((o) => o.released).sort()).toEqual([false, true]);
    const again = await releaseQuarantinedMessage(admin, { tenantId }, held.idOf(carol));
    expect(again).toEqual({ id: held.idOf(carol), released: false, teach: null });
    expect(await db.storedMessage.count({ where: { mailboxId: carol.id, messageId: held.msg.id } })).toBe(1);
    expect(await usedBytes(carol.id)).toBe(before + BigInt(held.msg.bytes.length));
    expect(await db.auditEvent.count({ where: { action: "quarantine.release", targetId: held.idOf(carol) } })).toBe(1);
  });

  it("refuses an unknown, another mailbox's or a deleted entry, writing nothing", async () => {
    const held = await holdMessage([bob], { subject: "Not yours" });
    const audits = await db.auditEvent.count();
    await expect(releaseQuarantinedMessage(admin, { tenantId }, "999999999")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(releaseQuarantinedMessage(admin, { tenantId, mailboxId: carol.id }, held.idOf(bob))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    await expect(releaseQuarantinedMessage(admin, { tenantId }, held.idOf(bob))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.storedMessage.count({ where: { messageId: held.msg.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits + 1); // the delete only
  });

  it("refuses what the listener would refuse — a full or disabled mailbox, a frozen company — changing nothing", async () => {
    const held = await holdMessage([bob], { subject: "Not now" });
    const id = held.idOf(bob);
    const before = await db.mailbox.findUniqueOrThrow({ where: { id: bob.id }, select: { quotaMb: true, usedBytes: true, status: true } });
    const audits = await db.auditEvent.count();
    const untouched = async () => {
      expect(await db.storedMessage.count({ where: { messageId: held.msg.id } })).toBe(0);
      expect((await db.quarantineItem.findUniqueOrThrow({ where: { id: BigInt(id) } })).releasedAt).toBeNull();
      expect(await db.auditEvent.count()).toBe(audits);
      expect((await inboundLine(held.msg.id, bob.id)).status).toBe("quarantined");
    };
    try {
      await db.mailbox.update({ where: { id: bob.id }, data: { quotaMb: 1, usedBytes: BigInt(1024 * 1024 - 10) } });
      await expect(releaseQuarantinedMessage(admin, { tenantId }, id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/^The mailbox is full: 1\.0 of 1 MB used/) });
      expect((await db.mailbox.findUniqueOrThrow({ where: { id: bob.id } })).usedBytes).toBe(BigInt(1024 * 1024 - 10));
      await untouched();
      await db.mailbox.update({ where: { id: bob.id }, data: { quotaMb: before.quotaMb, usedBytes: before.usedBytes, status: "disabled" } });
      await expect(releaseQuarantinedMessage(admin, { tenantId }, id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/disabled/) });
      await db.mailbox.update({ where: { id: bob.id }, data: { status: before.status } });
      await db.tenant.update({ where: { id: tenantId }, data: { status: "frozen" } });
      await expect(releaseQuarantinedMessage(admin, { tenantId }, id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/frozen/) });
      await untouched();
    } finally {
      await db.tenant.update({ where: { id: tenantId }, data: { status: "active" } });
      await db.mailbox.update({ where: { id: bob.id }, data: before });
    }
    expect((await releaseQuarantinedMessage(admin, { tenantId }, id)).released).toBe(true);
  });
});

describe("deleteQuarantinedMessage", () => {
  it("keeps the message while another recipient's entry holds it, then drops it and its file", async () => {
    const held = await holdMessage([bob, carol], { subject: "Delete me" });
    const rel = await pathOf(held.msg.id);
    await deleteQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    expect(await db.mailMessage.count({ where: { id: held.msg.id } })).toBe(1);
    expect(await fileExists(rel)).toBe(true);
    const line = await inboundLine(held.msg.id, bob.id);
    expect(line.status).toBe("quarantined");
    expect(line.reason).toBe("deleted from quarantine by admin@corp.example");
    await expect(deleteQuarantinedMessage(admin, { tenantId }, held.idOf(bob))).rejects.toMatchObject({ code: "NOT_FOUND" });

    await deleteQuarantinedMessage(admin, { tenantId, mailboxId: carol.id }, held.idOf(carol));
    expect(await db.mailMessage.count({ where: { id: held.msg.id } })).toBe(0);
    expect(await fileExists(rel)).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "quarantine.delete", details: { path: "$.messageId", equals: held.msg.id } } })).toBe(2);
  });

  it("deleting a released entry leaves the delivered copy and its message alone", async () => {
    const held = await holdMessage([bob], { subject: "Released then deleted" });
    await releaseQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    await deleteQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    expect(await db.storedMessage.count({ where: { mailboxId: bob.id, messageId: held.msg.id } })).toBe(1);
    expect(await fileExists(await pathOf(held.msg.id))).toBe(true);
    expect((await inboundLine(held.msg.id, bob.id)).status).toBe("delivered");
  });
});

describe("expireQuarantine", () => {
  it("deletes held entries past their days and released ones a day after release, with unreferenced messages", async () => {
    await db.quarantineItem.deleteMany({});
    const old = await holdMessage([bob], { subject: "Old spam", receivedAt: new Date(Date.now() - 31 * 86_400_000) });
    const fresh = await holdMessage([bob], { subject: "Fresh spam" });
    const released = await holdMessage([carol], { subject: "Released long ago" });
    await releaseQuarantinedMessage(admin, { tenantId }, released.idOf(carol));
    await db.quarantineItem.update({ where: { id: BigInt(released.idOf(carol)) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const oldPath = await pathOf(old.msg.id);

    const out = await expireQuarantine({ batchSize: 1 });
    expect(out).toEqual({ expired: 1, released: 1, messagesDropped: 1 });
    expect(await db.quarantineItem.findMany({ select: { id: true } })).toEqual([{ id: BigInt(fresh.idOf(bob)) }]);
    expect(await db.mailMessage.count({ where: { id: old.msg.id } })).toBe(0);
    expect(await fileExists(oldPath)).toBe(false);
    expect((await inboundLine(old.msg.id, bob.id)).reason).toBe("expired in quarantine after 30 days");
    // The released message stays: it is in Carol's mailbox now.
    expect(await db.storedMessage.count({ where: { mailboxId: carol.id, messageId: released.msg.id } })).toBe(1);
    expect(await expireQuarantine()).toEqual({ expired: 0, released: 0, messagesDropped: 0 });
  });
});

describe("reportSpam", () => {
  it("takes a message delivered to the user, audits the report and reports the teaching outcome", async () => {
    const held = await holdMessage([bob], { subject: "Delivered then reported" });
    await releaseQuarantinedMessage(admin, { tenantId }, held.idOf(bob));
    const user: AuditActor = { id: bob.id, email: bob.address, role: null, tenantId, ip: "127.0.0.1" };
    const out = await reportSpam(user, { tenantId, mailboxId: bob.id }, held.msg.id);
    expect(out.teach.taught).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "mail.report_spam", targetId: held.msg.id } })).toBe(1);
    await expect(reportSpam(user, { tenantId, mailboxId: carol.id }, held.msg.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await holdMessage([carol], { subject: "Still held" });
    await expect(reportSpam(user, { tenantId, mailboxId: carol.id }, other.msg.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
