import { describe, expect, it } from "vitest";
import { pop3Turn } from "./pop3-turns";

describe("pop3Turn", () => {
  it("runs one session at a time, in order, and a failed turn does not block the next", async () => {
    const log: string[] = [];
    const session = (name: string, fail = false) => async () => {
      log.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 10));
      log.push(`${name} out`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const results = await Promise.allSettled([pop3Turn(session("a")), pop3Turn(session("b", true)), pop3Turn(session("c"))]);
    expect(log).toEqual(["a in", "a out", "b in", "b out", "c in", "c out"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
