// `npm run billing:run -- --month YYYY-MM [--chunk-size N]`: the monthly billing run for an
// operator at a shell, run in this process (not through the queue), with a progress bar.
// Exit code 0 when the run finished, 1 otherwise. Ctrl-C stops after the chunk in flight and
// leaves the run resumable: running the same command again continues from where it stopped.
import { parseArgs } from "node:util";
import { env } from "@/server/shared/env";
import { clock } from "@/server/shared/clock";
import { formatFen } from "@/server/shared/money";
import { validateRunMonth } from "@/server/billing/run/run-month";
import { startBillingRun } from "@/server/billing/run/start-billing-run";
import { executeBillingRun } from "@/server/billing/run/execute-billing-run";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";
import { progressReporter } from "./billing-run-progress";
import { runCli, UsageError } from "./cli-main";

const USAGE = `Usage: npm run billing:run -- --month YYYY-MM [--chunk-size N]
  --month       the billing month to charge, e.g. 2026-12 (at most one month ahead)
  --chunk-size  tenants per transaction (default 1000)`;

const SECOND_SIGNAL_GRACE_MS = 1_000;

function parseCli(argv: string[]): { month: string; chunkSize?: number } | null {
  let values: { month?: string; "chunk-size"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { month: { type: "string" }, "chunk-size": { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  if (values.month === undefined) throw new UsageError("--month is required");
  const month = validateRunMonth(values.month, clock.now(), env().TZ_DEFAULT);
  const raw = values["chunk-size"];
  const chunkSize = raw === undefined ? undefined : Number(raw);
  if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize >= 1 && chunkSize <= 10_000)) {
    throw new UsageError(`--chunk-size must be a whole number from 1 to 10000, got "${raw}"`);
  }
  return { month, chunkSize };
}

function summary(run: BillingRunView, seconds: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    `Billing run ${run.id} for ${run.month}: ${run.status}${run.error ? ` (${run.error})` : ""}`,
    `  tenants      ${n(run.processed)} of ${n(run.tenantsTotal)}`,
    `  charged      ${n(run.charged)} (${formatFen(run.chargedAmount)})`,
    `  suspended    ${n(run.suspended)} (balance too low)`,
    `  skipped      ${n(run.skipped)} (already charged)`,
    `  resizes      ${n(run.resizesApplied)} applied, ${n(run.renewals)} renewals`,
    `  time         ${seconds.toFixed(1)} s`,
  ].join("\n");
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const { month, chunkSize } = args;
  const { run, outcome } = await startBillingRun({ month, trigger: "cli" });
  const said = {
    created: `Started billing run ${run.id} for ${month}: ${run.tenantsTotal.toLocaleString("en-US")} tenants due.`,
    resumed: `Resuming billing run ${run.id} for ${month} after ${run.processed.toLocaleString("en-US")} of ${run.tenantsTotal.toLocaleString("en-US")} tenants.`,
    running: `Billing run ${run.id} for ${month} is already in progress elsewhere; helping it (chunks are taken in turn).`,
    finished: `Billing run ${run.id} for ${month} has finished.`,
  }[outcome];
  console.error(said);

  const stop = new AbortController();
  let firstSignalAt = 0;
  process.on("SIGINT", () => {
    // Under `npm run` one Ctrl-C arrives twice (from the terminal and forwarded by npm): only a
    // second press a moment later means "quit now" (the chunk in flight then rolls back).
    if (stop.signal.aborted) {
      if (performance.now() - firstSignalAt > SECOND_SIGNAL_GRACE_MS) process.exit(130);
      return;
    }
    firstSignalAt = performance.now();
    console.error("\nStopping after the current chunk… (Ctrl-C again quits at once; the run stays resumable either way)");
    stop.abort();
  });
  const bar = progressReporter(process.stderr);
  const startedAt = performance.now();
  const result = await executeBillingRun(run.id, { chunkSize, signal: stop.signal, onProgress: (r) => bar.update(r) });
  bar.done();
  console.log(summary(result.run, (performance.now() - startedAt) / 1000));
  if (result.outcome === "aborted") console.error(`Interrupted: run \`npm run billing:run -- --month ${month}\` again to resume.`);
  return result.run.status === "done" ? 0 : 1;
}

runCli("billing run", USAGE, main);
