import { describe, expect, it } from "vitest";
import { createScanGate, ScanQueueTimeout } from "./scan-gate";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = () => new Promise((r) => setImmediate(r));

describe("scan gate", () => {
  it("lets `limit` scans run at once and queues the rest in arrival order", async () => {
    const gate = createScanGate(2, 10_000);
    const started: number[] = [];
    const finish = [deferred(), deferred(), deferred(), deferred()];
    const runs = finish.map((d, i) => gate.run(async () => (started.push(i), await d.promise, i)));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.state()).toEqual({ active: 2, waiting: 2 });
    finish[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish[0]!.resolve();
    finish[2]!.resolve();
    finish[3]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.state()).toEqual({ active: 0, waiting: 0 });
  });

  it("frees the slot when a scan throws", async () => {
    const gate = createScanGate(1, 10_000);
    await expect(gate.run(async () => Promise.reject(new Error("rspamd down")))).rejects.toThrow("rspamd down");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.state()).toEqual({ active: 0, waiting: 0 });
  });

  it("defers a message that waits longer than the limit, and the queue moves on", async () => {
    const gate = createScanGate(1, 30);
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    const late = gate.run(async () => "never");
    await expect(late).rejects.toBeInstanceOf(ScanQueueTimeout);
    expect(gate.state()).toEqual({ active: 1, waiting: 0 });
    hold.resolve();
    await first;
    expect(await gate.run(async () => "after")).toBe("after");
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => createScanGate(0, 1000)).toThrow(/positive integer, got 0/);
    expect(() => createScanGate(1.5, 1000)).toThrow(RangeError);
  });
});
