import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FilterUnavailableError } from "../filter-unavailable";
import { rspamdCheck } from "./rspamd-client";
import { rspamdFuzzy } from "./rspamd-fuzzy";
import { closedPort, testEnvelope, testMessage } from "./rspamd-test-support";

// Against the real rspamd and its fuzzy storage (config/rspamd/local.d/worker-fuzzy.inc), which
// writes its updates every 5 s: matches are polled for, not expected at once.

const word = () => randomBytes(4).toString("hex");

/** A campaign text unique to this run: long enough to be hashed by shingles (≥ 64 words, ≥ 1 KB). */
function campaign(): string[] {
  return Array.from({ length: 40 }, (_, i) => `Line ${i}: ${Array.from({ length: 6 }, word).join(" ")} offer`);
}

async function fuzzyScore(bytes: Buffer): Promise<number> {
  const r = await rspamdCheck(bytes, testEnvelope);
  return r.symbols.find((s) => s.name === "LOCAL_FUZZY_DENIED")?.score ?? 0;
}

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) if (await check()) return true;
  return check();
}

describe("rspamdFuzzy", () => {
  it("hashes a spam message so that it and a near-duplicate score LOCAL_FUZZY_DENIED, and forgets it on delete", async () => {
    const lines = campaign();
    const original = testMessage(lines.join("\r\n"), "Special offer");
    // The next wave of the campaign: another subject, two lines reworded.
    const variant = testMessage([...lines.slice(0, 20), `Reworded ${word()} ${word()}`, ...lines.slice(21, 30), `Also new ${word()}`, ...lines.slice(31)].join("\r\n"), "Another offer");
    expect(await fuzzyScore(variant)).toBe(0);

    expect(await rspamdFuzzy("add", original)).toEqual({ stored: true, detail: "hashed" });
    expect(await until(async () => (await fuzzyScore(original)) > 0)).toBe(true);
    expect(await fuzzyScore(original)).toBeGreaterThanOrEqual(10);
    expect(await fuzzyScore(variant)).toBeGreaterThan(5);

    expect(await rspamdFuzzy("delete", original)).toEqual({ stored: true, detail: "unhashed" });
    expect(await until(async () => (await fuzzyScore(original)) === 0)).toBe(true);
  }, 40_000);

  it("reports a message without a hashable part as not stored, with rspamd's reason", async () => {
    const r = await rspamdFuzzy("add", testMessage("hi"));
    expect(r.stored).toBe(false);
    expect(r.detail).toMatch(/no content to generate fuzzy/i);
  });

  it("throws FilterUnavailableError when the controller is unreachable", async () => {
    const port = await closedPort();
    await expect(rspamdFuzzy("add", testMessage(campaign().join("\r\n")), { url: `http://127.0.0.1:${port}` })).rejects.toBeInstanceOf(FilterUnavailableError);
  });
});
