import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { MailAccount } from "../engine.types";
import { createMailbox, createMailTenant } from "../mail-test-fixtures";
import { accountOf, useCacheSeconds } from "./accept-test-helpers";
import { checkDailyLimit, releaseDailySends, reserveDailySends } from "./daily-limit";

const execFileP = promisify(execFile);

/** A fresh account with its own limit (a tenant per account: the limit is the plan's). */
async function account(dailySendLimit: number): Promise<MailAccount> {
  const t = await createMailTenant({ dailySendLimit });
  return accountOf(await createMailbox(t));
}

async function counted(a: MailAccount): Promise<Record<string, number>> {
  const rows = await db.sendCount.findMany({ where: { mailboxId: a.mailboxId }, orderBy: { day: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.day.toISOString().slice(0, 10), r.count]));
}

let restoreClock: (() => void) | null = null;
afterEach(() => {
  restoreClock?.();
  restoreClock = null;
});

// 12:00 in Shanghai on 2026-11-26.
const noon = new Date("2026-11-26T04:00:00Z");
const pin = (at: Date) => (restoreClock = setClock(at));

beforeAll(() => useCacheSeconds(0));

describe("the daily sending limit", () => {
  it("takes the plan's limit from the account, 1,000 by default (seed 002)", async () => {
    expect((await account(1000)).dailySendLimit).toBe(1000);
  });

  it("lets the account send up to the limit and refuses the next with 550 5.7.1 naming the limit", async () => {
    pin(noon);
    const a = await account(3);
    expect(await checkDailyLimit(a, 0)).toBeNull();
    expect(await reserveDailySends(a, 2)).toBeNull();
    expect(await checkDailyLimit(a, 0)).toBeNull();
    const refused = { code: 550, enhanced: "5.7.1", text: `Daily sending limit of 3 messages reached for ${a.address}; try again tomorrow` };
    // The RCPT check counts the recipients this transaction already has.
    expect(await checkDailyLimit(a, 1)).toEqual(refused);
    expect(await reserveDailySends(a, 2)).toEqual(refused);
    expect(await reserveDailySends(a, 1)).toBeNull();
    expect(await reserveDailySends(a, 1)).toEqual(refused);
    expect(await checkDailyLimit(a, 0)).toEqual(refused);
    expect(await counted(a)).toEqual({ "2026-11-26": 3 });
  });

  it("refuses a message with more recipients than the whole limit without writing anything", async () => {
    const a = await account(3);
    expect(await reserveDailySends(a, 4)).toMatchObject({ code: 550, enhanced: "5.7.1" });
    expect(await counted(a)).toEqual({});
  });

  it("gives back released letters, never below zero", async () => {
    pin(noon);
    const a = await account(3);
    await reserveDailySends(a, 3);
    await releaseDailySends(a, 2);
    expect(await counted(a)).toEqual({ "2026-11-26": 1 });
    await releaseDailySends(a, 5);
    expect(await counted(a)).toEqual({ "2026-11-26": 0 });
    expect(await reserveDailySends(a, 3)).toBeNull();
  });

  it("starts a new count at midnight in the tenant's zone (Asia/Shanghai: 16:00 UTC)", async () => {
    const a = await account(2);
    pin(new Date("2026-11-26T15:59:59Z"));
    expect(await reserveDailySends(a, 2)).toBeNull();
    expect(await checkDailyLimit(a, 0)).toMatchObject({ code: 550 });
    restoreClock?.();
    pin(new Date("2026-11-26T16:00:00Z"));
    expect(await checkDailyLimit(a, 0)).toBeNull();
    expect(await reserveDailySends(a, 1)).toBeNull();
    expect(await counted(a)).toEqual({ "2026-11-26": 2, "2026-11-27": 1 });
  });

  it("never goes past the limit with 20 parallel reservations at the edge", async () => {
    pin(noon);
    const a = await account(1000);
    await db.sendCount.create({ data: { mailboxId: a.mailboxId, day: new Date("2026-11-26T00:00:00Z"), count: 990 } });
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveDailySends(a, 1)));
    expect(results.filter((r) => r === null)).toHaveLength(10);
    expect(results.filter((r) => r !== null)).toHaveLength(10);
    expect(await counted(a)).toEqual({ "2026-11-26": 1000 });
  });

  it("never goes past the limit when 20 sessions race for the day's first row", async () => {
    pin(noon);
    const a = await account(10);
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveDailySends(a, 1)));
    expect(results.filter((r) => r === null)).toHaveLength(10);
    expect(await counted(a)).toEqual({ "2026-11-26": 10 });
  });

  it("takes a message's recipients all or nothing while others race", async () => {
    pin(noon);
    const a = await account(10);
    const sizes = Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : 2));
    const results = await Promise.all(sizes.map((n) => reserveDailySends(a, n)));
    const taken = results.reduce((sum, r, i) => sum + (r === null ? (sizes[i] ?? 0) : 0), 0);
    expect(await counted(a)).toEqual({ "2026-11-26": taken });
    // Never over; and at most one letter left unused (only 2-letter messages may be waiting).
    expect(taken).toBeLessThanOrEqual(10);
    expect(taken).toBeGreaterThanOrEqual(9);
  });

  it("keeps the count across an engine restart (a new process)", async () => {
    const a = await account(3);
    const script = fileURLToPath(new URL("./reserve-in-new-process.ts", import.meta.url));
    const run = async (n: number) => {
      const { stdout } = await execFileP(process.execPath, ["--import", "tsx", script, JSON.stringify(a), String(n)], { env: { ...process.env } });
      return JSON.parse(stdout.trim()) as unknown;
    };
    expect(await run(2)).toBeNull();
    expect(await run(2)).toMatchObject({ code: 550, enhanced: "5.7.1" });
    expect(await checkDailyLimit(a, 0)).toBeNull();
    expect(await run(1)).toBeNull();
    expect(await checkDailyLimit(a, 0)).toMatchObject({ code: 550, enhanced: "5.7.1" });
  });

  it("why not ON DUPLICATE KEY UPDATE: with this driver a no-op update reports 1 row, like an insert", async () => {
    const a = await account(3);
    const odku = (n: number) =>
      db.$executeRaw`INSERT INTO SendCount (mailboxId, day, count) VALUES (${a.mailboxId}, '2026-01-01', ${n})
        ON DUPLICATE KEY UPDATE count = IF(count + ${n} <= 3, count + ${n}, count)`;
    const inserted = await odku(2);
    const refused = await odku(2);
    expect(refused).toBe(inserted);
  });
});

describe("a mailbox whose sending is suspended (abuse limit, issue 8 §8)", () => {
  it("is refused at MAIL FROM and RCPT TO with 550 5.7.1 at once, whatever is left of its day", async () => {
    pin(noon);
    const a = await account(1000);
    expect(await checkDailyLimit(a, 0)).toBeNull();
    // The account was loaded before the suspension (an open session): the check reads it fresh.
    await db.mailbox.update({ where: { id: a.mailboxId }, data: { sendingSuspendedAt: noon, sendingSuspendedReason: "test" } });
    const refused = await checkDailyLimit(a, 0);
    expect(refused).toEqual({ code: 550, enhanced: "5.7.1", text: `Sending suspended for spam; contact your administrator (${a.address} may still receive mail)` });
    expect(await checkDailyLimit(a, 3)).toEqual(refused);
    await db.mailbox.update({ where: { id: a.mailboxId }, data: { sendingSuspendedAt: null, sendingSuspendedReason: null } });
    expect(await checkDailyLimit(a, 0)).toBeNull();
  });

  it("says suspended rather than over the limit when both hold", async () => {
    pin(noon);
    const a = await account(1);
    expect(await reserveDailySends(a, 1)).toBeNull();
    await db.mailbox.update({ where: { id: a.mailboxId }, data: { sendingSuspendedAt: noon } });
    expect((await checkDailyLimit(a, 0))?.text).toMatch(/^Sending suspended for spam/);
  });
});
