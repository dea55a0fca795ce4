import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The start-up gate as the start script runs it: a real process with a bad environment.
function run(extra: Record<string, string>) {
  return spawnSync("node_modules/.bin/tsx", ["scripts/check-env.ts"], {
    env: { ...process.env, AUTH_SECRET: "s".repeat(40), ...extra },
    encoding: "utf8",
  });
}

describe("scripts/check-env.ts", () => {
  it("passes a valid configuration silently", () => {
    const r = run({ PORT: "3000" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("stops with the variable's name and what was expected, without a stack trace", () => {
    const r = run({ PORT: "abc", REDIS_URL: "http://x" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PORT: expected a port number; got "abc"/);
    expect(r.stderr).toMatch(/REDIS_URL: expected a URL starting with redis:\/\//);
    expect(r.stderr).not.toMatch(/at parseEnv/);
  });
});
