import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { resetEnvCache } from "@/server/shared/env";
import { closedPort, testMessage } from "@/server/mail/filter/rspamd/rspamd-test-support";
import { teachFilter } from "./teach-filter";

// Against the real rspamd (Bayes and the fuzzy storage), with a message file in a scratch store.

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
beforeAll(async () => {
  scratch = await scratchDataDir();
});
afterAll(() => scratch.cleanup());

/** A unique message, long enough for Bayes and for fuzzy shingles, stored at a relative path. */
async function storedMessage(): Promise<string> {
  const words = Array.from({ length: 120 }, () => randomBytes(4).toString("hex")).join(" ");
  const rel = path.join("teach", `${randomBytes(6).toString("hex")}.eml`);
  await mkdir(path.join(storeRoot(), "teach"), { recursive: true });
  await writeFile(path.join(storeRoot(), rel), testMessage(`Offer of the week: ${words}`, "Offer"));
  return rel;
}

describe("teachFilter", () => {
  it("teaches Bayes and the fuzzy storage a reported message, and a release teaches both back", async () => {
    const rel = await storedMessage();
    const spam = await teachFilter("spam", rel, "teach-spam");
    expect(spam.taught).toBe(true);
    expect(spam.detail).toMatch(/^Bayes: .+; fuzzy: hashed$/);
    const ham = await teachFilter("ham", rel, "teach-ham");
    expect(ham.taught).toBe(true);
    expect(ham.detail).toMatch(/; fuzzy: unhashed$/);
  });

  it("reports, without throwing, an unreadable file and an unreachable rspamd", async () => {
    expect(await teachFilter("spam", "teach/missing.eml", "gone")).toMatchObject({ taught: false, detail: expect.stringMatching(/ENOENT/) });
    const rel = await storedMessage();
    const saved = process.env.RSPAMD_CONTROLLER_URL;
    process.env.RSPAMD_CONTROLLER_URL = `http://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    try {
      const out = await teachFilter("spam", rel, "down");
      expect(out.taught).toBe(false);
      expect(out.detail).toMatch(/^Bayes: .*rspamd.*; fuzzy: .*rspamd/i);
    } finally {
      if (saved === undefined) delete process.env.RSPAMD_CONTROLLER_URL;
      else process.env.RSPAMD_CONTROLLER_URL = saved;
      resetEnvCache();
    }
  });
});
