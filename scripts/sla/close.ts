// `npm run sla:close -- --month YYYY-MM`: closes an SLA month for every tenant in this process
// (the sla-close job does the same on the 1st and 2nd): months, breaches with their evidence,
// proposed credits. Idempotent: closing again recomputes the months and never touches a credit
// an operator has decided. Exit code 0 when the close finished, 1 otherwise.
import { parseArgs } from "node:util";
import { closeSlaMonth } from "@/server/sla/close/close-month";
import { runCli, UsageError } from "../cli-main";

const USAGE = `Usage: npm run sla:close -- --month YYYY-MM
  --month  the month to close, e.g. 2026-11 (tenants whose month has not ended in their zone are left for a later run)`;

function parseCli(argv: string[]): { month: string } | null {
  try {
    const { values } = parseArgs({ args: argv, options: { month: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    if (values.help) return null;
    if (values.month === undefined) throw new UsageError("--month is required");
    return { month: values.month };
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const r = await closeSlaMonth({ month: args.month, trigger: "cli", onProgress: (n) => process.stderr.write(`\r${n.toLocaleString("en-US")} tenants…`) });
  process.stderr.write("\n");
  console.log(
    [
      `SLA month ${r.month} closed (run ${r.runId}) in ${(r.ms / 1000).toFixed(1)} s`,
      `  tenants      ${r.tenants.toLocaleString("en-US")} closed, ${r.skipped} left for later (month not ended in their zone), ${r.kept} kept as decided`,
      `  breached     ${r.breached.toLocaleString("en-US")}`,
      `  no evidence  ${r.noEvidence.toLocaleString("en-US")}`,
      `  credits      ${r.credits.toLocaleString("en-US")} proposed or updated (operators review them on /ops/sla)`,
    ].join("\n"),
  );
  return 0;
}

runCli("sla:close", USAGE, main);
