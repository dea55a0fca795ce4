import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { insertSamples } from "@/server/sla/evidence/sample-test-fixtures";
import { sealFinishedDays } from "@/server/sla/evidence/seal-day";

// `npm run sla:verify` as an operator runs it: the real script in its own process, against this
// file's database (DATABASE_URL from the integration setup).

const run = promisify(execFile);
const verify = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/sla/verify.ts", ...args], { env: process.env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
let restore: (() => void) | null = null;
afterEach(() => restore?.());

describe("npm run sla:verify", () => {
  it("prints each sealed day and exits 0 while nothing changed; exits 1 naming the first changed day after a sample is rewritten", async () => {
    const ids = await insertSamples([{ at: new Date("2026-11-01T10:00:00Z") }, { at: new Date("2026-11-02T10:00:00Z") }, { at: new Date("2026-11-03T10:00:00Z"), latencyMs: 120 }]);
    restore = setClock(new Date("2026-11-04T01:00:00Z"));
    expect(await sealFinishedDays()).toHaveLength(3);

    const ok = await verify();
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("2026-11-01: ok (1 samples)\n2026-11-02: ok (1 samples)\n2026-11-03: ok (1 samples)\nThe chain verifies: 3 days.\n");

    const id = ids[2]!;
    await db.$transaction([
      db.$executeRaw`DELETE FROM ProbeSample WHERE id = ${id}`,
      db.$executeRaw`INSERT INTO ProbeSample (id, probe, target, location, ok, latencyMs, at) VALUES (${id}, 'smtp_mx', '127.0.0.1:25', 'bj-1', 1, 45, '2026-11-03 10:00:00')`,
    ]);
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("2026-11-03: digest differs (samples changed since sealed)\n");
    expect(bad.stderr).toContain("first changed day 2026-11-03");
    const part = await verify("--from", "2026-11-01", "--to", "2026-11-02");
    expect(part.code).toBe(0);
  });

  it("refuses bad arguments with the usage, exit 1", async () => {
    for (const args of [["--from", "2026-11-31"], ["--from", "2026-11-03", "--to", "2026-11-01"], ["--month", "2026-11"]]) {
      const r = await verify(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: .*\nUsage: npm run sla:verify/s);
    }
    expect((await verify("--help")).stdout).toMatch(/^Usage: npm run sla:verify/);
  });
});
