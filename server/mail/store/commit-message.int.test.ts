import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { commitMessage } from "./commit-message";
import { discardMessages } from "./discard-messages";
import { clearMarksNow } from "./unsynced-marks";
import { accountOf, incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { closeStorePool } from "./store-db";
import { storeFileList, usedBytesMismatches } from "./store-test-helpers";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let t: MailTenant;
type Box = Awaited<ReturnType<typeof createMailbox>>;
let alice: Box, bob: Box, carol: Box;

beforeAll(async () => {
  scratch = await scratchDataDir();
  t = await createMailTenant();
  [alice, bob, carol] = await Promise.all([createMailbox(t), createMailbox(t), createMailbox(t)]);
});

afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

const usedBytes = async (id: string) => (await db.mailbox.findUniqueOrThrow({ where: { id } })).usedBytes;

describe("commitMessage", () => {
  it("writes the file and every row: message, mailbox copy (its UID), usedBytes, delivery log", async () => {
    const before = await usedBytes(bob.id);
    const msg = incomingMessage({ subject: "Quarterly report", body: "the body of the report", recipients: [recipient(bob.address, [localTo(bob)])] });
    await commitMessage(msg);

    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ listener: "mx", mailFrom: "someone@outside.example", subject: "Quarterly report", headerMessageId: msg.headerMessageId, size: msg.bytes.length, authMailboxId: null });
    expect(row.path).toMatch(new RegExp(`^\\d{4}/\\d{2}/\\d{2}/\\d{2}/${msg.id}\\.eml$`));
    expect(row.receivedAt.getTime()).toBe(msg.receivedAt.getTime());
    expect(await readFile(path.join(storeRoot(), row.path))).toEqual(msg.bytes);

    const stored = await db.storedMessage.findMany({ where: { messageId: msg.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mailboxId: bob.id, size: msg.bytes.length, path: row.path, flags: "" });
    expect(await usedBytes(bob.id)).toBe(before + BigInt(msg.bytes.length));

    const events = await db.messageEvent.findMany({ where: { messageId: msg.id } });
    expect(events.map((e) => [e.direction, e.tenantId, e.mailboxId, e.recipient, e.status])).toEqual([["inbound", t.tenant.id, bob.id, bob.address, "delivered"]]);
    expect(events[0]?.history).toEqual([
      { status: "received", at: msg.receivedAt.toISOString() },
      { status: "delivered", at: msg.receivedAt.toISOString(), reason: "delivered to the mailbox" },
    ]);
  });

  it("stores a message once per mailbox however it was addressed (a list and a direct copy)", async () => {
    const list = `team@${t.domain.name}`;
    const msg = incomingMessage({
      recipients: [recipient(list, [localTo(bob, list, "L1"), localTo(carol, list, "L1")]), recipient(bob.address, [localTo(bob)])],
    });
    const [bobBefore, carolBefore] = [await usedBytes(bob.id), await usedBytes(carol.id)];
    await commitMessage(msg);
    const stored = await db.storedMessage.findMany({ where: { messageId: msg.id }, orderBy: { mailboxId: "asc" } });
    expect(stored.map((s) => s.mailboxId).sort()).toEqual([bob.id, carol.id].sort());
    expect(await usedBytes(bob.id)).toBe(bobBefore + BigInt(msg.bytes.length));
    expect(await usedBytes(carol.id)).toBe(carolBefore + BigInt(msg.bytes.length));
    expect((await storeFileList()).filter((f) => f.includes(msg.id))).toHaveLength(1);
  });

  it("queues remote recipients in the outbox and logs the sender's lines as queued", async () => {
    const msg = incomingMessage({
      listener: "submission",
      mailFrom: alice.address,
      sender: accountOf(alice),
      recipients: [recipient("x@outside.example", [], ["x@outside.example"], t.tenant.id), recipient(bob.address, [localTo(bob)])],
    });
    await commitMessage(msg);
    const outbox = await db.outboxItem.findMany({ where: { messageId: msg.id } });
    expect(outbox.map((o) => [o.recipient, o.status, o.attempts, o.tenantId, o.domain])).toEqual([["x@outside.example", "queued", 0, t.tenant.id, "outside.example"]]);
    expect(outbox[0]?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id: msg.id } })).authMailboxId).toBe(alice.id);
    const events = await db.messageEvent.findMany({ where: { messageId: msg.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.direction, e.mailboxId, e.recipient, e.status])).toEqual([
      ["outbound", alice.id, "x@outside.example", "queued"],
      ["outbound", alice.id, bob.address, "delivered"],
      ["inbound", bob.id, bob.address, "delivered"],
    ]);
  });

  it("gives the lines whose copy is now in a mailbox their receive latency; the others wait for the relay, or never get one", async () => {
    const storedAt = new Date("2026-11-03T10:00:00.000Z");
    const restore = setClock(storedAt);
    try {
      const msg = incomingMessage({
        receivedAt: new Date(storedAt.getTime() - 2500),
        listener: "submission",
        mailFrom: alice.address,
        sender: accountOf(alice),
        recipients: [recipient("x@outside.example", [], ["x@outside.example"], t.tenant.id), recipient(bob.address, [localTo(bob)])],
      });
      await commitMessage(msg);
      const events = await db.messageEvent.findMany({ where: { messageId: msg.id }, orderBy: { id: "asc" } });
      // The local recipient's figure is its inbound line's; the sender's line to it never transmits.
      expect(events.map((e) => [e.direction, e.recipient, e.latencyMs])).toEqual([
        ["outbound", "x@outside.example", null],
        ["outbound", bob.address, null],
        ["inbound", bob.address, 2500],
      ]);
    } finally {
      restore();
    }
  });

  it("holds a quarantined message for review: an entry per mailbox, no copy, no bytes counted; discarding takes the entries too", async () => {
    const before = await usedBytes(carol.id);
    const verdict = { kind: "spam" as const, score: 11.5, reasons: [{ name: "GTUBE", score: 0 }], tenantIds: null };
    const msg = incomingMessage({ subject: "Cheap pills", recipients: [recipient(carol.address, [localTo(carol)])], quarantine: verdict });
    await commitMessage(msg);
    expect(await db.storedMessage.count({ where: { messageId: msg.id } })).toBe(0);
    expect(await usedBytes(carol.id)).toBe(before);
    const held = await db.quarantineItem.findMany({ where: { messageId: msg.id } });
    expect(held.map((q) => [q.tenantId, q.mailboxId, q.rcpt, q.kind, q.score, q.subject, q.size, q.releasedAt])).toEqual([[t.tenant.id, carol.id, carol.address, "spam", 11.5, "Cheap pills", msg.bytes.length, null]]);
    expect(held[0]?.reasons).toEqual(verdict.reasons);
    expect(held[0]!.expiresAt.getTime() - msg.receivedAt.getTime()).toBe(30 * 24 * 3600 * 1000);
    const events = await db.messageEvent.findMany({ where: { messageId: msg.id } });
    // Not in the mailbox, so no receive latency (a release later is a person's decision).
    expect(events.map((e) => [e.mailboxId, e.status, e.reason, e.latencyMs])).toEqual([[carol.id, "quarantined", "quarantined as spam (score 11.50): GTUBE", null]]);
    expect(await storeFileList()).toContain((await db.mailMessage.findUniqueOrThrow({ where: { id: msg.id } })).path);

    expect(await discardMessages([msg.id])).toBe(1);
    expect(await db.quarantineItem.count({ where: { messageId: msg.id } })).toBe(0);
    expect(await db.mailMessage.count({ where: { id: msg.id } })).toBe(0);
  });

  it("clears a synced message's mark at once when asked (the relay waits for it)", async () => {
    const msg = incomingMessage({ recipients: [recipient("x@outside.example", [], ["x@outside.example"], t.tenant.id)] });
    await commitMessage(msg);
    await clearMarksNow([msg.id]);
    expect(await db.unsyncedMessage.count({ where: { messageId: msg.id } })).toBe(0);
  });

  it("commits concurrent messages in shared batches, each with its own rows and ascending UIDs", async () => {
    const msgs = Array.from({ length: 40 }, (_, i) => incomingMessage({ subject: `burst ${i}`, recipients: [recipient(carol.address, [localTo(carol)])] }));
    await Promise.all(msgs.map((m) => commitMessage(m)));
    const stored = await db.storedMessage.findMany({ where: { messageId: { in: msgs.map((m) => m.id) } }, orderBy: { id: "asc" } });
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((s) => s.messageId)).size).toBe(40);
    expect(await usedBytesMismatches()).toEqual([]);
  });

  it("fails only the message whose mailbox is gone, leaving none of its rows or its file", async () => {
    const doomed = await createMailbox(t);
    const good = Array.from({ length: 5 }, () => incomingMessage({ recipients: [recipient(carol.address, [localTo(carol)])] }));
    const bad = incomingMessage({ recipients: [recipient(doomed.address, [localTo(doomed)]), recipient(carol.address, [localTo(carol)])] });
    await db.mailAddress.deleteMany({ where: { mailboxId: doomed.id } });
    await db.mailbox.delete({ where: { id: doomed.id } });
    // The first message starts a commit; the rest gather into one batch with the bad one inside.
    const results = await Promise.allSettled([...good.slice(0, 3), bad, ...good.slice(3)].map((m) => commitMessage(m)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/mailbox no longer exists/);
    expect(await db.mailMessage.count({ where: { id: { in: good.map((m) => m.id) } } })).toBe(5);
    expect(await db.mailMessage.count({ where: { id: bad.id } })).toBe(0);
    expect(await db.storedMessage.count({ where: { messageId: bad.id } })).toBe(0);
    expect(await db.messageEvent.count({ where: { messageId: bad.id } })).toBe(0);
    expect((await storeFileList()).filter((f) => f.includes(bad.id))).toEqual([]);
    expect(await usedBytesMismatches()).toEqual([]);
  });

  it("refuses a message with no bytes or a malformed id before writing anything", async () => {
    const files = await storeFileList();
    await expect(commitMessage(incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)])], bytes: Buffer.alloc(0) }))).rejects.toThrow(/no bytes/);
    await expect(commitMessage(incomingMessage({ id: "../../escape", recipients: [recipient(bob.address, [localTo(bob)])] }))).rejects.toThrow(/not a ULID/);
    expect(await storeFileList()).toEqual(files);
  });

  it("cuts over-long header fields to the column sizes instead of failing an accepted message", async () => {
    const msg = incomingMessage({ helo: "h".repeat(400), subject: "s".repeat(300), recipients: [recipient(bob.address, [localTo(bob)])] });
    await commitMessage(msg);
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: msg.id } });
    expect([row.helo.length, row.subject.length]).toEqual([255, 255]);
  });
});
