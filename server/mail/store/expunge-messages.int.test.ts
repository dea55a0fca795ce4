import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { db } from "@/server/shared/db";
import { commitMessage } from "./commit-message";
import { expungeMessages } from "./expunge-messages";
import { incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { closeStorePool } from "./store-db";
import { usedBytesMismatches } from "./store-test-helpers";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
type Box = Awaited<ReturnType<typeof createMailbox>>;
let bob: Box, carol: Box;

beforeAll(async () => {
  scratch = await scratchDataDir();
  const t = await createMailTenant();
  [bob, carol] = await Promise.all([createMailbox(t), createMailbox(t)]);
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

const fileExists = async (rel: string) => (await stat(path.join(storeRoot(), rel)).catch(() => null)) !== null;
const copyOf = (mailboxId: string, messageId: string) => db.storedMessage.findUniqueOrThrow({ where: { mailboxId_messageId: { mailboxId, messageId } } });
const usedBytes = async (id: string) => (await db.mailbox.findUniqueOrThrow({ where: { id } })).usedBytes;

describe("expungeMessages", () => {
  it("deletes only that mailbox's copies, lowers its usedBytes, and keeps a message another mailbox still has", async () => {
    const shared = incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)]), recipient(carol.address, [localTo(carol)])] });
    const own = incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)])] });
    await Promise.all([commitMessage(shared), commitMessage(own)]);
    const [bobShared, carolShared, bobOwn] = await Promise.all([copyOf(bob.id, shared.id), copyOf(carol.id, shared.id), copyOf(bob.id, own.id)]);
    const bobBefore = await usedBytes(bob.id);
    const carolBefore = await usedBytes(carol.id);

    // Carol's id in Bob's request is ignored: a session deletes from its own maildrop only.
    expect(await expungeMessages(bob.id, [bobShared.id, bobOwn.id, carolShared.id])).toBe(2);
    expect(await usedBytes(bob.id)).toBe(bobBefore - BigInt(shared.bytes.length + own.bytes.length));
    expect(await usedBytes(carol.id)).toBe(carolBefore);
    expect(await db.storedMessage.count({ where: { id: carolShared.id } })).toBe(1);
    // The shared message stays for Carol; Bob's own one is gone with its file.
    expect(await db.mailMessage.count({ where: { id: shared.id } })).toBe(1);
    expect(await fileExists(bobShared.path)).toBe(true);
    expect(await db.mailMessage.count({ where: { id: own.id } })).toBe(0);
    expect(await fileExists(bobOwn.path)).toBe(false);

    // Carol deletes the last copy: the message and its file go.
    expect(await expungeMessages(carol.id, [carolShared.id])).toBe(1);
    expect(await db.mailMessage.count({ where: { id: shared.id } })).toBe(0);
    expect(await fileExists(carolShared.path)).toBe(false);
    expect(await usedBytesMismatches()).toEqual([]);
  });

  it("is idempotent: a second QUIT with the same ids deletes nothing and changes no counter", async () => {
    const msg = incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)])] });
    await commitMessage(msg);
    const copy = await copyOf(bob.id, msg.id);
    expect(await expungeMessages(bob.id, [copy.id, copy.id])).toBe(1);
    const after = await usedBytes(bob.id);
    expect(await expungeMessages(bob.id, [copy.id])).toBe(0);
    expect(await usedBytes(bob.id)).toBe(after);
    expect(await expungeMessages(bob.id, [])).toBe(0);
    expect(await expungeMessages("no-such-mailbox", [copy.id])).toBe(0);
  });

  it("keeps a message the outbox still needs after its last mailbox copy is gone", async () => {
    const msg = incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)]), recipient("far@outside.example", [], ["far@outside.example"], bob.tenantId)] });
    await commitMessage(msg);
    const copy = await copyOf(bob.id, msg.id);
    expect(await expungeMessages(bob.id, [copy.id])).toBe(1);
    expect(await db.mailMessage.count({ where: { id: msg.id } })).toBe(1);
    expect(await fileExists(copy.path)).toBe(true);
  });

  it("expunges concurrently with new mail to the same mailbox and keeps usedBytes exact", async () => {
    const first = Array.from({ length: 20 }, () => incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)]), recipient(carol.address, [localTo(carol)])] }));
    await Promise.all(first.map((m) => commitMessage(m)));
    const ids = (await db.storedMessage.findMany({ where: { mailboxId: bob.id, messageId: { in: first.map((m) => m.id) } } })).map((s) => s.id);
    const more = Array.from({ length: 20 }, () => incomingMessage({ recipients: [recipient(bob.address, [localTo(bob)])] }));
    const [deleted] = await Promise.all([expungeMessages(bob.id, ids), ...more.map((m) => commitMessage(m))]);
    expect(deleted).toBe(20);
    expect(await usedBytesMismatches()).toEqual([]);
  });
});
