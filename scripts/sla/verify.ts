// `npm run sla:verify [-- --from YYYY-MM-DD] [--to YYYY-MM-DD]`: recomputes the evidence chain
// (server/sla/evidence) and prints each sealed day checked. Exit code 0 when every day matches
// what was sealed, 1 naming the first day that does not (or on bad arguments).
import { parseArgs } from "node:util";
import { verifyChain } from "@/server/sla/evidence/verify-chain";
import { runCli, UsageError } from "../cli-main";

const USAGE = `Usage: npm run sla:verify [-- --from YYYY-MM-DD] [--to YYYY-MM-DD]
  --from  the first sealed day to check (default: the chain's first)
  --to    the last sealed day to check (default: the chain's last)`;

function parseCli(argv: string[]): { from?: string; to?: string } | null {
  try {
    const { values } = parseArgs({ args: argv, options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    return values.help ? null : { from: values.from, to: values.to };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const { checked, firstBad } = await verifyChain({ ...args, onDay: (c) => console.log(`${c.day}: ${c.message}`) });
  if (firstBad) {
    console.error(`sla:verify: the chain does not match what was sealed — first changed day ${firstBad.day}: ${firstBad.message}`);
    return 1;
  }
  const retained = checked.filter((c) => c.verdict === "retained").length;
  console.log(checked.length === 0 ? "No sealed days to check." : `The chain verifies: ${checked.length} days${retained ? ` (${retained} past retention checked for continuity only)` : ""}.`);
  return 0;
}

runCli("sla:verify", USAGE, main);
