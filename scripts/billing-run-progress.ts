import type { BillingRunView } from "@/server/billing/run/billing-run.types";

// The CLI's progress bar on stderr: on a terminal one line redrawn in place; in a log (CI, a pipe)
// one line per 10 % so the log stays short.

const WIDTH = 30;

export function describeProgress(run: BillingRunView, tenantsPerSecond: number): string {
  const percent = run.progress;
  const filled = Math.round((percent / 100) * WIDTH);
  const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
  const n = (x: number) => x.toLocaleString("en-US");
  return `${bar} ${String(percent).padStart(3)}%  ${n(run.processed)}/${n(run.tenantsTotal)} tenants · charged ${n(run.charged)} · suspended ${n(run.suspended)} · skipped ${n(run.skipped)} · ${n(Math.round(tenantsPerSecond))}/s`;
}

export function progressReporter(stream: NodeJS.WriteStream & { isTTY?: boolean }) {
  const startedAt = performance.now();
  let startProcessed: number | null = null;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(run: BillingRunView) {
      startProcessed ??= run.processed;
      const seconds = (performance.now() - startedAt) / 1000;
      const rate = seconds > 0 ? (run.processed - startProcessed) / seconds : 0;
      const line = describeProgress(run, rate);
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      } else {
        const decile = Math.floor(run.progress / 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          stream.write(line + "\n");
        }
      }
    },
    /** Ends the redrawn line so the next output starts on its own line. */
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
