// The SMTP load generator of `npm run bench:smtp`, run as its own process (so it shares no event
// loop with the bench or a server): `conc` clients send ~2 KB messages to one recipient until
// `count` messages were started or `seconds` passed. `--mode new` opens a connection per message
// (220, EHLO, transaction, QUIT); `--mode reuse` keeps one connection per client. Prints one JSON
// line (RunResult): msg/s including connection set-up, and p50/p99 of the transaction time
// (MAIL FROM to the 250 after the final dot).
import { parseArgs } from "node:util";
import { quantile, type RunResult } from "./stats";
import { benchMessage, SmtpClient } from "./smtp-client";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    conc: { type: "string", default: "10" },
    mode: { type: "string", default: "new" },
    count: { type: "string", default: "2000" },
    seconds: { type: "string", default: "20" },
  },
});
const [port, conc, count, seconds] = [values.port, values.conc, values.count, values.seconds].map(Number) as [number, number, number, number];
if (![port, conc, count, seconds].every((x) => Number.isInteger(x) && x > 0) || !["new", "reuse"].includes(values.mode)) {
  console.error("usage: load-generator --port N [--conc N] [--mode new|reuse] [--count N] [--seconds N]");
  process.exit(2);
}
const reuse = values.mode === "reuse";

const latencies: number[] = [];
let started = 0;
let ok = 0;
let errors = 0;
let firstError: string | undefined;
let seq = 0;
const deadline = Date.now() + seconds * 1000;
const more = () => started < count && Date.now() < deadline;

async function client(): Promise<void> {
  let c: SmtpClient | null = null;
  while (more()) {
    started++;
    try {
      c ??= await SmtpClient.open(port);
      const t0 = performance.now();
      await c.send(benchMessage(`${process.pid}.${++seq}`));
      latencies.push(performance.now() - t0);
      ok++;
      if (!reuse) {
        await c.quit();
        c = null;
      }
    } catch (e) {
      errors++;
      firstError ??= e instanceof Error ? e.message : String(e);
      c?.close();
      c = null;
    }
  }
  await c?.quit();
}

const t0 = performance.now();
await Promise.all(Array.from({ length: conc }, client));
const elapsed = (performance.now() - t0) / 1000;
const result: RunResult = {
  ok,
  errors,
  seconds: +elapsed.toFixed(2),
  msgPerSec: +(ok / elapsed).toFixed(1),
  txnP50Ms: +quantile(latencies, 0.5).toFixed(1),
  txnP99Ms: +quantile(latencies, 0.99).toFixed(1),
  ...(firstError ? { firstError } : {}),
};
console.log(JSON.stringify(result));
