import { describe, expect, it } from "vitest";
import { median, quantile, ratioLine, summarize, type RunResult } from "./stats";
import { benchMasterCf } from "./postfix";
import { headerValue } from "./pop3-client";
import { fastest, throughputGoals } from "./report";
import type { MatrixResult } from "./matrix";

const run = (msgPerSec: number, p99 = 10): RunResult => ({ ok: 100, errors: 0, seconds: 1, msgPerSec, txnP50Ms: 1, txnP99Ms: p99 });

describe("quantile and median", () => {
  it("takes the nearest rank, and a measured value for an even count", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(xs, 0.5)).toBe(50);
    expect(quantile(xs, 0.99)).toBe(99);
    expect(quantile([5], 0.99)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
  it("is NaN for no values", () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(median([])).toBeNaN();
  });
});

describe("summarize", () => {
  it("reports the median run's rate, the spread and the errors", () => {
    const s = summarize([run(900, 30), { ...run(1200, 10), errors: 2 }, run(1000, 20)]);
    expect(s).toMatchObject({ msgPerSec: 1000, min: 900, max: 1200, txnP99Ms: 20, errors: 2 });
  });
});

describe("ratioLine", () => {
  it("says whether the goal is met", () => {
    expect(ratioLine(1500, 1000, 1.5).text).toBe("1.50× (goal ≥ 1.5: met)");
    expect(ratioLine(1400, 1000, 1.5).text).toBe("1.40× (goal ≥ 1.5: NOT met)");
    expect(ratioLine(1, 0, 1).text).toBe("n/a× (goal ≥ 1: NOT met)");
  });
});

describe("the goals use the faster Haraka per cell", () => {
  const cell = (rate: number) => summarize([run(rate)]);
  const result: MatrixResult = new Map([
    ["engine", new Map([["new/50", cell(1600)], ["reuse/10", cell(2000)], ["reuse/50", cell(2500)]])],
    ["postfix", new Map([["new/50", cell(800)]])],
    ["haraka cpus", new Map([["reuse/10", cell(1900)], ["reuse/50", cell(1000)]])],
    ["haraka 0", new Map([["reuse/10", cell(2100)], ["reuse/50", cell(1200)]])],
  ]);
  it("picks the faster configuration", () => {
    expect(fastest(result, ["haraka cpus", "haraka 0"], { mode: "reuse", clients: 10 })?.name).toBe("haraka 0");
  });
  it("computes each goal", () => {
    const goals = throughputGoals(result, "engine", "postfix", ["haraka cpus", "haraka 0"], [10, 50]);
    expect(goals.map((g) => [g.text, g.met])).toEqual([
      ["2.00× (goal ≥ 1.5: met)", true],
      ["0.95× (goal ≥ 1: NOT met)", false],
      ["2.08× (goal ≥ 1: met)", true],
    ]);
  });
});

describe("benchMasterCf", () => {
  const dist = [
    "# comment",
    "smtp      inet  n       -       y       -       -       smtpd",
    "pickup    unix  n       -       y       60      1       pickup",
    "smtp      unix  -       -       y       -       -       smtp",
    "        -o syslog_name=postfix/$service_name",
    "postlog   unix-dgram n  -       n       -       1       postlogd",
  ].join("\n");
  it("turns chroot off everywhere and moves only the smtpd listener to the bench port", () => {
    expect(benchMasterCf(dist, 2625).split("\n")).toEqual([
      "# comment",
      "127.0.0.1:2625 inet n - n - - smtpd",
      "pickup unix n - n 60 1 pickup",
      "smtp unix - - n - - smtp",
      "        -o syslog_name=postfix/$service_name",
      "postlog unix-dgram n - n - 1 postlogd",
    ]);
  });
});

describe("headerValue", () => {
  it("reads a header, case-insensitively, only from the header section", () => {
    const lines = ["Received: x", "x-bench-tag: e2e.1.7", "", "X-Bench-Tag: body"];
    expect(headerValue(lines, "X-Bench-Tag")).toBe("e2e.1.7");
    expect(headerValue(["", "X-Bench-Tag: body"], "X-Bench-Tag")).toBeNull();
  });
});
