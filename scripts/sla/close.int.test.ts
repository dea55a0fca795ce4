import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "@/server/billing/rules/months";
import { db } from "@/server/shared/db";

// `npm run sla:close` as an operator runs it: the real script in its own process, against this
// file's database (DATABASE_URL from the integration setup). The close itself is tested in
// server/sla/close; here, its arguments and what it prints.

const run = promisify(execFile);
const close = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/sla/close.ts", ...args], { env: process.env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

// The script runs on the real clock (its own process): last month is always closable.
const lastMonth = addMonths(monthOf(new Date(), "UTC"), -1);

describe("npm run sla:close", () => {
  it("closes a past month and prints what it found", async () => {
    const r = await close("--month", lastMonth);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^SLA month ${lastMonth} closed \\(run \\w+\\) in [\\d.]+ s\n {2}tenants +0 closed`));
    expect(await db.slaCloseRun.count({ where: { month: lastMonth, status: "done", trigger: "cli" } })).toBe(1);
  });

  it("refuses bad arguments with the usage and writes nothing", async () => {
    for (const args of [[], ["--month"], ["--month", "2026-13"], ["--month", "2999-01"], ["--month", "2020-01"], ["--months", lastMonth]]) {
      const r = await close(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(/^error: /);
    }
    expect(await db.slaCloseRun.count({ where: { month: { not: lastMonth } } })).toBe(0);
    expect((await close("--month", "2026-13")).stderr).toContain("month must be YYYY-MM");
  });
});
