import { describe, expect, it } from "vitest";
import { execFile, spawn } from "node:child_process";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { addMonths, monthOf } from "../rules/months";
import { chargeKey } from "../subscriptions/charge-month";
import { createBilledTenants } from "./run-test-fixtures";

// `npm run billing:run` as an operator types it: a child process on this file's database (the
// setup put its URL in the environment the child inherits), with the real clock.

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/billing-run.ts", ...args], { cwd: process.cwd(), env: process.env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run billing:run", () => {
  it("explains its usage when --month is missing or wrong, and exits 1", async () => {
    const missing = await cli([]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error: --month is required");
    expect(missing.stderr).toContain("Usage: npm run billing:run -- --month YYYY-MM");

    const bad = await cli(["--month", "2026-13"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: "2026-13" has no month 13: months run from 01 to 12');

    const unknown = await cli(["--month", "2026-11", "--force"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown option '--force'/);
    expect(await db.billingRun.count()).toBe(0);
  }, 60_000);

  it("runs the month in-process with progress lines and a summary, and exits 0", async () => {
    const month = monthOf(clock.now(), "Asia/Shanghai");
    const tenants = await createBilledTenants(4, addMonths(month, -2));
    const { code, stdout, stderr } = await cli(["--month", month, "--chunk-size", "2"]);
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(stderr).toContain(`for ${month}: 4 tenants due.`);
    expect(stderr).toMatch(/ 50%  2\/4 tenants · charged 2/); // not a terminal: one line per 10 %
    expect(stdout).toMatch(new RegExp(`Billing run \\w+ for ${month}: done`));
    expect(stdout).toMatch(/charged +4 \(¥/);
    for (const t of tenants) expect(await db.ledgerEntry.count({ where: { idempotencyKey: chargeKey(t.tenant.id, month) } })).toBe(1);

    const again = await cli(["--month", month]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/skipped +4 \(already charged\)/);
  }, 60_000);

  it("stops on Ctrl-C after the chunk in flight, exits 1, and leaves the run resumable", async () => {
    const month = monthOf(clock.now(), "Asia/Shanghai");
    await createBilledTenants(30, addMonths(month, -2));
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/billing-run.ts", "--month", month, "--chunk-size", "1"], { cwd: process.cwd(), env: process.env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/ \d+%  \d+\/\d+ tenants/.test(stderr) && !child.killed) child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain("Stopping after the current chunk");
    expect(stderr).toContain(`run \`npm run billing:run -- --month ${month}\` again to resume`);
    const run = await db.billingRun.findFirstOrThrow({ where: { month }, orderBy: { startedAt: "desc" } });
    expect(run.status).toBe("failed");
    expect(run.processed).toBeLessThan(run.tenantsTotal);

    const resumed = await cli(["--month", month]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`Resuming billing run ${run.id}`);
  }, 60_000);
});
