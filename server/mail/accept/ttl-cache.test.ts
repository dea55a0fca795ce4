import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

function setup(ttl = 1000, maxEntries = 10) {
  let now = 0;
  const loads: string[] = [];
  const cache = new TtlCache<string>({ maxEntries, ttlMs: () => ttl, now: () => now });
  const get = (key: string) =>
    cache.get(key, async () => {
      loads.push(key);
      return `${key}@${now}`;
    });
  return { cache, get, loads, tick: (ms: number) => (now += ms) };
}

describe("TtlCache", () => {
  it("serves a value until its time is up, then loads again", async () => {
    const { get, loads, tick } = setup(1000);
    expect(await get("a")).toBe("a@0");
    tick(999);
    expect(await get("a")).toBe("a@0");
    tick(1);
    expect(await get("a")).toBe("a@1000");
    expect(loads).toEqual(["a", "a"]);
  });

  it("shares one load between concurrent misses", async () => {
    const { get, loads } = setup();
    const values = await Promise.all([get("a"), get("a"), get("a")]);
    expect(values).toEqual(["a@0", "a@0", "a@0"]);
    expect(loads).toEqual(["a"]);
  });

  it("does not keep a failed load", async () => {
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: () => 1000 });
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await Promise.resolve();
    expect(await cache.get("a", async () => "ok")).toBe("ok");
  });

  it("caches nothing with a TTL of 0", async () => {
    const { cache, get, loads } = setup(0);
    await get("a");
    await get("a");
    expect(loads).toEqual(["a", "a"]);
    expect(cache.size).toBe(0);
  });

  it("holds at most maxEntries, dropping the oldest", async () => {
    const { cache, get, loads } = setup(1000, 2);
    await get("a");
    await get("b");
    await get("c");
    expect(cache.size).toBe(2);
    await get("b");
    await get("a");
    expect(loads).toEqual(["a", "b", "c", "a"]);
  });

  it("forgets everything on clear", async () => {
    const { cache, get, loads } = setup();
    await get("a");
    cache.clear();
    await get("a");
    expect(loads).toEqual(["a", "a"]);
  });
});
