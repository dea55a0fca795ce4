import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { resetEnvCache } from "@/server/shared/env";
import { closedPort, testMessage } from "@/server/mail/filter/rspamd/rspamd-test-support";
import { teachFilter } from "./teach-filter";

// Against the real rspamd (Bayes and the fuzzy storage) and spamd, with a message file in a
// scratch store.

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
  it("teaches both Bayes and the fuzzy storage a reported message, and a release teaches them back", async () => {
    const rel = await storedMessage();
    const spam = await teachFilter("spam", rel, "teach-spam");
    expect(spam.taught).toBe(true);
    expect(spam.detail).toMatch(/^Bayes: .+; fuzzy: hashed; SpamAssassin: learned as spam$/);
    const ham = await teachFilter("ham", rel, "teach-ham");
    expect(ham.taught).toBe(true);
    expect(ham.detail).toMatch(/; fuzzy: unhashed; SpamAssassin: learned as ham$/);
    // Told again: SpamAssassin already knows it.
    expect((await teachFilter("ham", rel, "teach-ham-again")).detail).toMatch(/SpamAssassin: already learned as ham$/);
  });

  it("reports, without throwing, an unreadable file, an unreachable rspamd and an unreachable spamd", async () => {
    expect(await teachFilter("spam", "teach/missing.eml", "gone")).toMatchObject({ taught: false, detail: expect.stringMatching(/ENOENT/) });
    const saved = { url: process.env.RSPAMD_CONTROLLER_URL, port: process.env.SPAMD_PORT };
    process.env.RSPAMD_CONTROLLER_URL = `http://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    try {
      // rspamd down: SpamAssassin still learns, and the outcome says which lessons failed.
      const rspamdDown = await teachFilter("spam", await storedMessage(), "rspamd-down");
      expect(rspamdDown.taught).toBe(true);
      expect(rspamdDown.detail).toMatch(/^Bayes: .*rspamd.*; fuzzy: .*rspamd.*; SpamAssassin: learned as spam$/i);
      process.env.SPAMD_PORT = String(await closedPort());
      resetEnvCache();
      const allDown = await teachFilter("spam", await storedMessage(), "all-down");
      expect(allDown.taught).toBe(false);
      expect(allDown.detail).toMatch(/; SpamAssassin: spamassassin: .*ECONNREFUSED/);
    } finally {
      for (const [name, value] of [["RSPAMD_CONTROLLER_URL", saved.url], ["SPAMD_PORT", saved.port]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvCache();
    }
  });
});
