import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { monthDigest } from "./month-digest";
import { sampleLine } from "./sample-line";
import { insertSamples } from "./sample-test-fixtures";
import { sealDay, sealFinishedDays, unsealedFinishedDays } from "./seal-day";
import { verifyChain } from "./verify-chain";
import { readDay } from "./day-samples";

// The evidence chain against the real database: three days (the middle one empty) sealed in
// order after the grace, each link recomputed by hand; then samples changed behind the chain's
// back (ProbeSample refuses UPDATE, so a change is DELETE + INSERT with the same id) and verify
// naming the day.

const at = (iso: string) => new Date(iso);
let restore: (() => void) | null = null;
const pin = (iso: string) => {
  restore?.();
  restore = setClock(at(iso));
};
afterEach(() => {
  restore?.();
  restore = null;
});

const sha256 = (...parts: (string | Uint8Array)[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const dayRows = async (day: string) => {
  const rows: Parameters<typeof sampleLine>[0][] = [];
  await readDay(day, (page) => rows.push(...page));
  return rows;
};
const link = (day: string) => db.sampleDigest.findUniqueOrThrow({ where: { day: at(`${day}T00:00:00Z`) } });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};

describe("the evidence chain", () => {
  it("seals nothing while there are no samples", async () => {
    pin("2026-11-04T00:20:00Z");
    expect(await unsealedFinishedDays()).toEqual([]);
    expect(await sealFinishedDays()).toEqual([]);
  });

  it("seals finished days in order, an empty day included, each link over the previous digest and the day's samples", async () => {
    await insertSamples([
      { at: at("2026-11-01T00:00:00.000Z") },
      { at: at("2026-11-01T12:30:15.250Z"), ok: false, error: "connect ECONNREFUSED", latencyMs: null, probe: "pop3", target: "127.0.0.1:110" },
      { at: at("2026-11-01T23:59:59.999Z"), probe: "spam", detail: { verdict: "spam", label: "spam", score: 31.2 }, tenantId: "t-1", affected: 2 },
      // 2026-11-02: no samples at all.
      { at: at("2026-11-03T08:00:00.000Z"), skewMs: -3500 },
      { at: at("2026-11-03T08:01:00.000Z"), latencyMs: 20_000 },
      // Today: not finished, never sealed.
      { at: at("2026-11-04T00:05:00.000Z") },
    ]);
    pin("2026-11-04T00:14:59.999Z");
    expect(await unsealedFinishedDays()).toEqual(["2026-11-01", "2026-11-02"]);
    pin("2026-11-04T00:15:00.000Z");
    const sealed = await sealFinishedDays({ pageSize: 2 });
    expect(sealed.map((s) => [s.day, s.samples, s.created])).toEqual([
      ["2026-11-01", 3, true],
      ["2026-11-02", 0, true],
      ["2026-11-03", 2, true],
    ]);

    const lines = async (day: string) => (await dayRows(day)).map((r) => `${sampleLine(r)}\n`);
    expect((await lines("2026-11-01"))[2]).toBe(
      '{"affected":2,"at":"2026-11-01T23:59:59.999Z","detail":{"label":"spam","score":31.2,"verdict":"spam"},"error":null,"id":"3","latencyMs":100,"location":"bj-1","ok":true,"probe":"spam","skewMs":0,"target":"127.0.0.1:25","tenantId":"t-1"}\n',
    );
    const d1 = sha256(...(await lines("2026-11-01")));
    const d2 = sha256(d1);
    const d3 = sha256(d2, ...(await lines("2026-11-03")));
    expect(Buffer.from((await link("2026-11-01")).digest)).toEqual(d1);
    expect((await link("2026-11-01")).prevDigest).toBeNull();
    expect(Buffer.from((await link("2026-11-02")).digest)).toEqual(d2);
    expect(Buffer.from((await link("2026-11-02")).prevDigest!)).toEqual(d1);
    expect(Buffer.from((await link("2026-11-03")).digest)).toEqual(d3);
    expect(Buffer.from((await link("2026-11-03")).prevDigest!)).toEqual(d2);
    expect((await link("2026-11-03")).sealedAt.toISOString()).toBe("2026-11-04T00:15:00.000Z");
    expect(sealed[2]!.digest).toBe(d3.toString("hex"));
  });

  it("seals a sealed day again as a no-op, and refuses a day not finished, a gap, a day before the chain and bad days, writing nothing", async () => {
    pin("2026-11-04T10:00:00Z");
    const again = await sealDay("2026-11-01");
    expect(again.created).toBe(false);
    expect(again.digest).toBe(Buffer.from((await link("2026-11-01")).digest).toString("hex"));
    expect((await refusal(sealDay("2026-11-04"))).message).toBe("2026-11-04 can be sealed 15 minutes after it ends (UTC)");
    pin("2026-11-07T00:00:00Z");
    expect((await refusal(sealDay("2026-11-05"))).message).toBe("days are sealed in order without gaps: seal 2026-11-04 first");
    expect((await refusal(sealDay("2026-10-31"))).message).toBe("2026-10-31 is before the chain's first day");
    for (const bad of ["2026-02-30", "2026-11-1", "", 20261105, null]) expect((await refusal(sealDay(bad))).code).toBe("BAD_INPUT");
    expect(await db.sampleDigest.count()).toBe(3);
  });

  it("verifies the whole chain, or a part of it, when nothing changed", async () => {
    pin("2026-11-04T10:00:00Z");
    const days: string[] = [];
    const all = await verifyChain({ onDay: (c) => days.push(`${c.day}: ${c.verdict}`) });
    expect(all.firstBad).toBeNull();
    expect(days).toEqual(["2026-11-01: ok", "2026-11-02: ok", "2026-11-03: ok"]);
    const part = await verifyChain({ from: "2026-11-02", to: "2026-11-02" });
    expect(part.checked.map((c) => c.day)).toEqual(["2026-11-02"]);
    expect(part.firstBad).toBeNull();
    expect((await refusal(verifyChain({ from: "2026-11-03", to: "2026-11-01" }))).code).toBe("BAD_INPUT");
    expect((await refusal(verifyChain({ from: "03/11/2026" }))).code).toBe("BAD_INPUT");
  });

  it("names the day whose sample was changed (deleted and inserted again with the same id)", async () => {
    pin("2026-11-04T10:00:00Z");
    const [victim] = await dayRows("2026-11-03");
    await expect(db.$executeRaw`UPDATE ProbeSample SET ok = 0 WHERE id = ${victim!.id}`).rejects.toThrow(/append-only/);
    await db.$transaction([
      db.$executeRaw`DELETE FROM ProbeSample WHERE id = ${victim!.id}`,
      db.$executeRaw`INSERT INTO ProbeSample (id, probe, target, location, ok, latencyMs, error, at, skewMs) VALUES (${victim!.id}, 'smtp_mx', '127.0.0.1:25', 'bj-1', 1, 99, NULL, ${victim!.at}, ${victim!.skewMs})`,
    ]);
    const result = await verifyChain();
    expect(result.checked.map((c) => c.verdict)).toEqual(["ok", "ok", "digest differs"]);
    expect(result.firstBad).toMatchObject({ day: "2026-11-03", verdict: "digest differs" });
    expect(result.firstBad!.message).toMatch(/^digest differs \(samples changed since sealed\)/);
  });

  it("names the first day when a sample is slipped into an earlier sealed day, and a rewritten link", async () => {
    pin("2026-11-04T10:00:00Z");
    await insertSamples([{ at: at("2026-11-02T09:00:00Z"), ok: true }]);
    const result = await verifyChain();
    expect(result.firstBad).toMatchObject({ day: "2026-11-02", verdict: "count differs", samples: 1, sealedSamples: 0 });
    expect(result.checked).toHaveLength(2);

    await db.$executeRaw`UPDATE SampleDigest SET prevDigest = ${Buffer.alloc(32)} WHERE day = '2026-11-01'`;
    expect((await verifyChain()).firstBad).toMatchObject({ day: "2026-11-01", verdict: "chain broken", message: "the previous day's link is missing (the chain was cut)" });
  });

  it("gives a month's digest: its last sealed day's link", async () => {
    const nov = await monthDigest("2026-11");
    expect(nov).toMatchObject({ day: "2026-11-03", hex: Buffer.from((await link("2026-11-03")).digest).toString("hex") });
    expect(nov!.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(await monthDigest("2026-10")).toBeNull();
    for (const bad of ["2026-13", "2026-1", "november", 202611]) expect((await refusal(monthDigest(bad))).code).toBe("BAD_INPUT");
  });
});
