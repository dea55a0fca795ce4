import { describe, expect, it } from "vitest";
import { createGroupCommit, type Outcome } from "./group-commit";

/** A flush that records its batches and finishes when the test says so. */
function controlledFlush(decide: (item: number) => Outcome = () => ({ ok: true })) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const flush = (batch: number[]) => {
    batches.push(batch);
    return new Promise<Outcome[]>((resolve) => gates.push(() => resolve(batch.map(decide))));
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { flush, batches, release };
}

describe("createGroupCommit", () => {
  it("commits the first item at once and gathers the ones arriving meanwhile into the next batch", async () => {
    const c = controlledFlush();
    const submit = createGroupCommit(c.flush);
    const done: number[] = [];
    const track = (n: number) => submit(n).then(() => done.push(n));
    const all = [track(1), track(2), track(3), track(4)];
    expect(c.batches).toEqual([[1]]);
    await c.release();
    expect(done).toEqual([1]);
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    await c.release();
    await Promise.all(all);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it("fails only the items the flush says failed", async () => {
    const c = controlledFlush((n) => (n === 3 ? { ok: false, error: new Error("bad 3") } : { ok: true }));
    const submit = createGroupCommit(c.flush);
    const first = submit(1);
    const rest = [2, 3, 4].map((n) => submit(n).then(() => "ok", (e: Error) => e.message));
    await c.release();
    await first;
    await c.release();
    expect(await Promise.all(rest)).toEqual(["ok", "bad 3", "ok"]);
  });

  it("fails the whole batch, and only it, when the flush throws", async () => {
    let calls = 0;
    const submit = createGroupCommit(async (batch: number[]) => {
      calls++;
      if (calls === 1) throw new Error("database down");
      return batch.map(() => ({ ok: true }) as const);
    });
    await expect(submit(1)).rejects.toThrow("database down");
    await expect(submit(2)).resolves.toBeUndefined();
  });

  it("caps the batch size", async () => {
    const c = controlledFlush();
    const submit = createGroupCommit(c.flush, 2);
    const all = [1, 2, 3, 4, 5].map((n) => submit(n));
    for (let i = 0; i < 3; i++) await c.release();
    await Promise.all(all);
    expect(c.batches).toEqual([[1], [2, 3], [4, 5]]);
  });
});
