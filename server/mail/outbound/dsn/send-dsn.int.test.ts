import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCacheSeconds } from "@/server/mail/accept/accept-test-helpers";
import { createList, createMailbox, createMailTenant, scratchDataDir, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { mailHostname, storeRoot } from "@/server/mail/paths";
import { commitMessage } from "@/server/mail/store/commit-message";
import { accountOf, incomingMessage, localTo, recipient } from "@/server/mail/store/incoming-message-fixture";
import { closeStorePool } from "@/server/mail/store/store-db";
import { flushSyncedMarks } from "@/server/mail/store/unsynced-marks";
import { db } from "@/server/shared/db";
import { getQueue } from "@/server/shared/queues";
import { sendDsn, type DsnRecipient } from "./send-dsn";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let t: MailTenant;
type Box = Awaited<ReturnType<typeof createMailbox>>;
let alice: Box;

beforeAll(async () => {
  scratch = await scratchDataDir();
  useCacheSeconds(0);
  t = await createMailTenant();
  alice = await createMailbox(t);
});

afterAll(async () => {
  await flushSyncedMarks();
  await closeStorePool();
  await scratch.cleanup();
});

const bounce = (recipient = "bob@remote.example"): DsnRecipient => ({
  recipient,
  status: "5.1.1",
  remoteMta: "mx.remote.example",
  diagnostic: "550 5.1.1 User unknown",
  lastAttemptAt: new Date(),
});

/** A message alice sent (submission) to outside addresses, stored. */
async function sentByAlice(to = ["bob@remote.example"]) {
  const msg = incomingMessage({ listener: "submission", mailFrom: alice.address, sender: accountOf(alice), subject: "季度报告 Q3", recipients: to.map((r) => recipient(r, [], [r], t.tenant.id)) });
  await commitMessage(msg);
  return msg;
}

/** A message from `mailFrom` on the MX to a local mailbox (as a list relays outside mail). */
async function receivedFrom(mailFrom: string) {
  const msg = incomingMessage({ mailFrom, recipients: [recipient(alice.address, [localTo(alice)])] });
  await commitMessage(msg);
  return msg;
}

const rowsOf = async (messageId: string) => ({
  stored: await db.storedMessage.findMany({ where: { messageId } }),
  outbox: await db.outboxItem.findMany({ where: { messageId } }),
});

describe("sendDsn", () => {
  it("stores a bounce in the sender's mailbox, with the report and the original header", async () => {
    const original = await sentByAlice(["bob@remote.example", "carol@remote.example"]);
    const result = await sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce(), bounce("carol@remote.example")] });
    expect(result).not.toBeNull();
    const id = result!.dsnMessageId;
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ mailFrom: "", subject: "Undelivered Mail Returned to Sender / 退信通知", headerMessageId: `dsn.${id}@${mailHostname()}` });
    const { stored, outbox } = await rowsOf(id);
    expect(stored.map((s) => s.mailboxId)).toEqual([alice.id]);
    expect(outbox).toEqual([]);
    const line = await db.messageEvent.findFirstOrThrow({ where: { messageId: id } });
    expect(line).toMatchObject({ direction: "inbound", mailboxId: alice.id, tenantId: t.tenant.id, status: "delivered" });

    const mail = await simpleParser(await readFile(path.join(storeRoot(), row.path)), { keepDeliveryStatus: true } as Parameters<typeof simpleParser>[1]);
    expect(mail.to).toMatchObject({ value: [{ address: alice.address }] });
    expect(mail.inReplyTo).toBe(`<${original.headerMessageId}>`);
    expect(mail.text).toContain("邮件主题：季度报告 Q3");
    const [report, headers] = mail.attachments;
    expect(report!.content.toString()).toContain("Final-Recipient: rfc822; carol@remote.example\r\nAction: failed\r\nStatus: 5.1.1");
    expect(headers!.content.toString()).toBe(original.bytes.toString().split("\r\n\r\n")[0] + "\r\n");
  });

  it("sends one notice however often and however concurrently it is asked for the same recipients", async () => {
    const original = await sentByAlice();
    const [a, b] = await Promise.all([sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce()] }), sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce()] })]);
    const again = await sendDsn({ messageId: original.id, kind: "failed", recipients: [{ ...bounce(), recipient: "BOB@remote.example", lastAttemptAt: new Date() }] });
    expect(a).toEqual(b);
    expect(again).toEqual(a);
    expect((await rowsOf(a!.dsnMessageId)).stored).toHaveLength(1);
    // A warning about the same recipients is another notice.
    const until = new Date(Date.now() + 5 * 86_400_000);
    const delayed = await sendDsn({ messageId: original.id, kind: "delayed", recipients: [{ ...bounce(), status: "4.4.1", diagnostic: "connection refused", willRetryUntil: until }] });
    expect(delayed!.dsnMessageId).not.toBe(a!.dsnMessageId);
    expect(await db.storedMessage.count({ where: { mailboxId: alice.id, messageId: { in: [a!.dsnMessageId, delayed!.dsnMessageId] } } })).toBe(2);
  });

  it("queues a notice for an outside sender as an outbox row and dispatches it", async () => {
    const original = await receivedFrom("stranger@outside.example");
    const result = await sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce()] });
    const { stored, outbox } = await rowsOf(result!.dsnMessageId);
    expect(stored).toEqual([]);
    expect(outbox.map((o) => [o.recipient, o.status])).toEqual([["stranger@outside.example", "queued"]]);
    const queue = getQueue("outboundDelivery");
    const jobId = `outbox-${outbox[0]!.id}-${outbox[0]!.nextAttemptAt.getTime()}`;
    await expect.poll(async () => (await queue.getJob(jobId))?.data, { timeout: 5_000 }).toEqual({ outboxItemId: String(outbox[0]!.id) });
  });

  it("still reports when the original's file is gone, without its header part", async () => {
    const original = await sentByAlice();
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: original.id } });
    await rm(path.join(storeRoot(), row.path));
    const result = await sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce()] });
    const dsn = await db.mailMessage.findUniqueOrThrow({ where: { id: result!.dsnMessageId } });
    const mail = await simpleParser(await readFile(path.join(storeRoot(), dsn.path)), { keepDeliveryStatus: true } as Parameters<typeof simpleParser>[1]);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["message/delivery-status"]);
  });

  it("sends nothing about a bounce (null sender), nor to a sender that leads nowhere", async () => {
    const disabled = await createMailbox(t, { status: "disabled" });
    const list = await createList(t, { members: [alice] });
    for (const mailFrom of ["", `ghost@${t.domain.name}`, disabled.address, list.address]) {
      const original = await receivedFrom(mailFrom);
      const before = await db.mailMessage.count();
      expect(await sendDsn({ messageId: original.id, kind: "failed", recipients: [bounce()] }), mailFrom).toBeNull();
      expect(await db.mailMessage.count()).toBe(before);
    }
  });

  it("refuses bad input and unknown messages, writing nothing", async () => {
    const original = await sentByAlice();
    const before = await db.mailMessage.count();
    await expect(sendDsn({ messageId: "01JDQ1AAAAAAAAAAAAAAAAAAAA", kind: "failed", recipients: [bounce()] })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Message not found" });
    await expect(sendDsn({ messageId: original.id, kind: "delayed", recipients: [bounce()] })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { "recipients.0.status": ["a delay has a 4.x.x status"] },
    });
    await expect(sendDsn({ messageId: original.id, kind: "failed", recipients: [] })).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { recipients: ["name at least one recipient"] } });
    expect(await db.mailMessage.count()).toBe(before);
  });
});
