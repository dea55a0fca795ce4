import { performance } from "node:perf_hooks";
import { rspamdCheck } from "@/server/mail/filter/rspamd/rspamd-client";
import { mapBounded, type CorpusMessage } from "./corpus";
import type { ScoredMessage } from "./evaluate";

// Scans messages through the same client the engine uses (rspamdCheck), `concurrency` at a time.
export async function scanCorpus(messages: readonly CorpusMessage[], concurrency: number): Promise<{ results: ScoredMessage[]; seconds: number }> {
  const started = performance.now();
  const results = await mapBounded(messages, concurrency, async (m): Promise<ScoredMessage> => {
    const r = await rspamdCheck(m.bytes, m.envelope, { timeoutMs: 30_000 });
    return {
      path: m.path,
      group: m.group,
      kind: m.kind,
      score: r.score,
      symbols: Object.fromEntries(r.symbols.map((s) => [s.name, s.score])),
      ms: r.ms,
    };
  });
  return { results, seconds: (performance.now() - started) / 1000 };
}
