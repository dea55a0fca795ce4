import { describe, expect, it } from "vitest";
import { parseStat, threadsCpuDelta, treeCpuMs } from "./cpu";

describe("parseStat", () => {
  it("reads ppid and all four CPU counters, even with spaces and parentheses in the name", () => {
    const line = "4242 (node (bench) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 30 7 3 20 0 11 0 1000 0 0";
    expect(parseStat(line)).toEqual({ ppid: 17, pgrp: 4242, ticks: 250 + 30 + 7 + 3 });
  });
  it("refuses a line it cannot read", () => {
    expect(parseStat("garbage")).toBeNull();
  });
});

describe("treeCpuMs", () => {
  it("counts this process, and nothing for a pid that does not exist", () => {
    expect(treeCpuMs(process.pid)).toBeGreaterThan(0);
    expect(treeCpuMs(2 ** 30)).toBe(0);
  });
});

describe("threadsCpuDelta", () => {
  it("counts only threads present before and after (a reused cached thread carries old time)", () => {
    const before = new Map([[1, 100], [2, 50]]);
    const after = new Map([[1, 130], [3, 9000]]);
    expect(threadsCpuDelta(before, after)).toBe(30);
  });
});
