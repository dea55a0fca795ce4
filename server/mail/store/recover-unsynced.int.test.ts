import { createHash } from "node:crypto";
import { truncate, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { db } from "@/server/shared/db";
import { commitMessage } from "./commit-message";
import { incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { recoverUnsyncedMessages } from "./recover-unsynced";
import { closeStorePool } from "./store-db";
import { storeFileList, usedBytesMismatches } from "./store-test-helpers";
import { flushSyncedMarks } from "./unsynced-marks";

// A power loss between a batch's COMMIT and its files' fsync, as the next start finds it: the
// rows and their UnsyncedMessage marks are there, and each file is whole, cut short, or gone.

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let t: MailTenant;
let box: Awaited<ReturnType<typeof createMailbox>>;

beforeAll(async () => {
  scratch = await scratchDataDir();
  t = await createMailTenant();
  box = await createMailbox(t);
});

afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest();

/** Commits a message to `box` (and one outside address, so it has an outbox row), then marks it unsynced again as a crash would leave it. */
async function committedButUnsynced(subject: string) {
  const msg = incomingMessage({ subject, recipients: [recipient(box.address, [localTo(box)]), recipient("far@outside.example", [], ["far@outside.example"], t.tenant.id)] });
  await commitMessage(msg);
  await flushSyncedMarks();
  await db.unsyncedMessage.create({ data: { messageId: msg.id, sha256: sha256(msg.bytes), createdAt: msg.receivedAt } });
  const { path: rel } = await db.mailMessage.findUniqueOrThrow({ where: { id: msg.id } });
  return { msg, file: path.join(storeRoot(), rel), rel };
}

const rowsOf = async (id: string) => ({
  message: await db.mailMessage.count({ where: { id } }),
  stored: await db.storedMessage.count({ where: { messageId: id } }),
  outbox: await db.outboxItem.count({ where: { messageId: id } }),
  log: await db.messageEvent.count({ where: { messageId: id } }),
  mark: await db.unsyncedMessage.count({ where: { messageId: id } }),
});

describe("recoverUnsyncedMessages", () => {
  it("clears the marks of messages whose fsync was confirmed, without touching them", async () => {
    const msg = incomingMessage({ recipients: [recipient(box.address, [localTo(box)])] });
    await commitMessage(msg);
    await flushSyncedMarks();
    expect(await db.unsyncedMessage.count()).toBe(0);
    expect(await recoverUnsyncedMessages()).toEqual({ kept: 0, discarded: 0 });
    expect(await db.mailMessage.count({ where: { id: msg.id } })).toBe(1);
  });

  it("keeps a message whose file is whole and discards, rows and file, those whose file is cut short, zeroed or gone", async () => {
    const whole = await committedButUnsynced("whole");
    const short = await committedButUnsynced("cut short");
    const zeroed = await committedButUnsynced("zeroed");
    const gone = await committedButUnsynced("gone");
    await truncate(short.file, 10);
    await writeFile(zeroed.file, Buffer.alloc(zeroed.msg.bytes.length)); // the size survived, the data did not
    await unlink(gone.file);

    expect(await recoverUnsyncedMessages()).toEqual({ kept: 1, discarded: 3 });

    expect(await rowsOf(whole.msg.id)).toEqual({ message: 1, stored: 1, outbox: 1, log: 2, mark: 0 });
    for (const lost of [short, zeroed, gone]) expect(await rowsOf(lost.msg.id)).toEqual({ message: 0, stored: 0, outbox: 0, log: 0, mark: 0 });
    const files = await storeFileList();
    expect(files).toContain(whole.rel);
    for (const lost of [short, zeroed, gone]) expect(files).not.toContain(lost.rel);
    expect(await usedBytesMismatches()).toEqual([]);
  });

  it("finds nothing to do the second time", async () => {
    expect(await recoverUnsyncedMessages()).toEqual({ kept: 0, discarded: 0 });
  });

  it("goes through more marks than one chunk", async () => {
    const many = [];
    for (let i = 0; i < 3; i++) many.push(await committedButUnsynced(`batch ${i}`));
    await unlink(many[1]!.file);
    expect(await recoverUnsyncedMessages({ chunk: 2 })).toEqual({ kept: 2, discarded: 1 });
    expect(await db.unsyncedMessage.count()).toBe(0);
  });
});
