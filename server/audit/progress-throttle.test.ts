import { describe, expect, it, vi, afterEach } from "vitest";
import { progressThrottle } from "./progress-throttle";

afterEach(() => vi.useRealTimers());

describe("progressThrottle", () => {
  it("passes rising values only, and not more often than the interval", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const seen: number[] = [];
    const report = progressThrottle(async (p) => void seen.push(p), 250);
    await report(10); // first value always goes through
    await report(20); // too soon
    vi.advanceTimersByTime(250);
    await report(8); // lower than the last one written
    await report(30.7);
    vi.advanceTimersByTime(300);
    await report(150);
    expect(seen).toEqual([10, 30, 100]);
  });

  it("with a zero interval writes every rise", async () => {
    const seen: number[] = [];
    const report = progressThrottle(async (p) => void seen.push(p), 0);
    for (const p of [0, 0, 5, 5, 60, 40, 99]) await report(p);
    expect(seen).toEqual([0, 5, 60, 99]);
  });
});
