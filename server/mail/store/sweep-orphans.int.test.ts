import { mkdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { ulid } from "@/server/mail/ulid";
import { commitMessage } from "./commit-message";
import { incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { storedMessagePath } from "./message-path";
import { closeStorePool } from "./store-db";
import { storeFileList } from "./store-test-helpers";
import { sweepOrphanFiles } from "./sweep-orphans";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let box: Awaited<ReturnType<typeof createMailbox>>;

beforeAll(async () => {
  scratch = await scratchDataDir();
  box = await createMailbox(await createMailTenant());
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

/** A message file with no rows, as a crash between the file's fsync and the commit leaves it, aged `ageMs`. */
async function orphan(ageMs: number): Promise<string> {
  const at = new Date(Date.now() - ageMs);
  const rel = storedMessagePath(ulid(at), at);
  const absolute = path.join(storeRoot(), rel);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, "Subject: lost\r\n\r\nnever got its 250\r\n");
  await utimes(absolute, at, at);
  return rel;
}

describe("sweepOrphanFiles", () => {
  it("removes files without rows older than the threshold, and keeps stored messages, young files and strangers", async () => {
    const msg = incomingMessage({ recipients: [recipient(box.address, [localTo(box)])] });
    await commitMessage(msg);
    const kept = storedMessagePath(msg.id, msg.receivedAt);
    const old = [await orphan(2 * 3600_000), await orphan(90 * 60_000)];
    const young = await orphan(60_000);
    const stranger = path.join(storeRoot(), "README.txt");
    await writeFile(stranger, "not a message");

    expect(await sweepOrphanFiles()).toBe(2);
    const left = await storeFileList();
    expect(left).toEqual([kept, young, "README.txt"].sort());
    expect(left).not.toContain(old[0]);
  });

  it("with a 0 threshold removes every file without rows, at once", async () => {
    const fresh = await orphan(0);
    // The minute-old orphan the first test kept, and this one.
    expect(await sweepOrphanFiles(0)).toBe(2);
    const left = await storeFileList();
    expect(left).not.toContain(fresh);
    expect(left).toHaveLength(2); // the stored message and README.txt
    expect(await sweepOrphanFiles(0)).toBe(0);
  });
});
