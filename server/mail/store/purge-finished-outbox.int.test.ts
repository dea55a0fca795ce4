import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { commitMessage } from "./commit-message";
import { accountOf, incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { purgeFinishedOutbox } from "./purge-finished-outbox";
import { closeStorePool } from "./store-db";
import { storeFileList } from "./store-test-helpers";

// Finished relay rows older than the log's retention go with their attempts; a message only
// they kept goes with its file; a message a mailbox still holds, or a row still queued, stays.

const NOW = new Date("2026-11-26T03:40:00.000Z");
const OLD = new Date("2026-10-20T00:00:00.000Z"); // before NOW − 30 days
let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let t: MailTenant;
let alice: Awaited<ReturnType<typeof createMailbox>>;
let restore: () => void;

beforeAll(async () => {
  scratch = await scratchDataDir();
  t = await createMailTenant();
  alice = await createMailbox(t);
  restore = setClock(NOW);
});
afterAll(async () => {
  restore();
  await closeStorePool();
  await scratch.cleanup();
});

async function sent(to: string[], alsoLocal: boolean) {
  const msg = incomingMessage({
    listener: "submission",
    mailFrom: alice.address,
    sender: accountOf(alice),
    receivedAt: OLD,
    recipients: [...to.map((r) => recipient(r, [], [r], t.tenant.id)), ...(alsoLocal ? [recipient(alice.address, [localTo(alice)])] : [])],
  });
  await commitMessage(msg);
  return msg;
}

const finish = (messageId: string, status: "relayed" | "bounced" | "deferred", updatedAt = OLD) => db.outboxItem.updateMany({ where: { messageId }, data: { status, updatedAt } });

describe("purgeFinishedOutbox", () => {
  it("removes old finished rows with their attempts, and the messages and files only they kept", async () => {
    const gone = await sent(["a@far.example", "b@far.example"], false);
    await finish(gone.id, "relayed");
    const item = await db.outboxItem.findFirstOrThrow({ where: { messageId: gone.id } });
    await db.deliveryAttempt.create({ data: { outboxItemId: item.id, at: OLD, outcome: "relayed", response: "250 ok", durationMs: 12 } });
    const kept = await sent(["c@far.example"], true);
    await finish(kept.id, "bounced");
    const waiting = await sent(["d@far.example"], false);
    await finish(waiting.id, "deferred");
    const recent = await sent(["e@far.example"], false);
    await finish(recent.id, "relayed", new Date(NOW.getTime() - 3600_000));
    const path = (await db.mailMessage.findUniqueOrThrow({ where: { id: gone.id } })).path;

    expect(await purgeFinishedOutbox({ batchSize: 1 })).toEqual({ cutoff: new Date("2026-10-27T03:40:00.000Z"), rows: 3, messages: 1 });
    expect(await db.mailMessage.count({ where: { id: gone.id } })).toBe(0);
    expect(await db.deliveryAttempt.count({ where: { outboxItemId: item.id } })).toBe(0);
    expect(await storeFileList()).not.toContain(path);
    // Alice's own copy keeps the bounced message; the deferred and the recent rows stay.
    expect(await db.mailMessage.count({ where: { id: kept.id } })).toBe(1);
    expect(await db.outboxItem.count({ where: { messageId: kept.id } })).toBe(0);
    expect((await db.outboxItem.findMany({ where: { messageId: { in: [waiting.id, recent.id] } } })).map((o) => o.status).sort()).toEqual(["deferred", "relayed"]);
    expect(await purgeFinishedOutbox()).toMatchObject({ rows: 0, messages: 0 });
  });
});
