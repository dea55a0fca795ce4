import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { db } from "@/server/shared/db";
import { commitMessage } from "./commit-message";
import { incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { readStoredMessage } from "./read-message";
import { closeStorePool } from "./store-db";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;

beforeAll(async () => {
  scratch = await scratchDataDir();
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

describe("readStoredMessage", () => {
  it("reads a stored message's bytes by its StoredMessage.path", async () => {
    const box = await createMailbox(await createMailTenant());
    const msg = incomingMessage({ body: "read me back", recipients: [recipient(box.address, [localTo(box)])] });
    await commitMessage(msg);
    const row = await db.storedMessage.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(await readStoredMessage(row.path)).toEqual(msg.bytes);
  });

  it.each(["../../../etc/passwd", "2026/../../outside.eml", "/etc/passwd", ""])("refuses %j, which is not inside the store", async (p) => {
    await expect(readStoredMessage(p)).rejects.toThrow(/store path/);
  });

  it("says which file is missing", async () => {
    await expect(readStoredMessage("2026/01/01/00/01JDX0Q7ZK8M3N4P5Q6R7S8T9V.eml")).rejects.toThrow(/ENOENT/);
  });
});
