import { describe, expect, it } from "vitest";
import { every, jitterMs } from "./schedule";

describe("every", () => {
  it("never overlaps a run with itself, and stop() waits for the one in flight", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const s = every("t", 20, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 50)); // longer than the interval
      running--;
      runs++;
    });
    await new Promise((r) => setTimeout(r, 230));
    await s.stop();
    const after = runs;
    expect(maxRunning).toBe(1);
    expect(after).toBeGreaterThanOrEqual(3);
    expect(running).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(after);
  });

  it("keeps going after a failed run", async () => {
    let runs = 0;
    const s = every("t", 10, async () => {
      runs++;
      throw new Error("boom");
    });
    await new Promise((r) => setTimeout(r, 100));
    await s.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it("waits `firstDelayMs` before the first run (listeners starting alongside are not an outage)", async () => {
    let runs = 0;
    const s = every("t", 10, async () => void runs++, 150);
    await new Promise((r) => setTimeout(r, 80));
    expect(runs).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    await s.stop();
    expect(runs).toBeGreaterThanOrEqual(1);
  });

  it("jitters by at most 10 % of the interval, 5 s at most", () => {
    expect(jitterMs(60_000, () => 0.9999)).toBe(4_999);
    expect(jitterMs(1_000, () => 0.5)).toBe(50);
    expect(jitterMs(1_000, () => 0)).toBe(0);
  });
});
