import { env } from "@/server/shared/env";
import type { FilterReason } from "../engine.types";
import { clamdScan } from "./clamav/clamd-client";
import { rspamdCheck, type RspamdSymbol } from "./rspamd/rspamd-client";
import type { SpamScan, VirusScan } from "./scan-decision";
import { createScanGate, type ScanGate } from "./scan-gate";

// rspamd and clamd on one message, at the same time (the DATA reply waits for the slower one,
// not for both in turn). A scanner that cannot answer throws FilterUnavailableError, which the
// hook turns into 451 4.7.1: nothing is delivered unscanned.
//
// Size: clamd gets every byte (its StreamMaxLength must be at least the engine's
// SMTP_MAX_MESSAGE_MB; otherwise it answers "size limit exceeded" and the message is deferred,
// never passed unscanned). rspamd does not see messages above RSPAMD_MAX_BYTES: spam is small,
// scoring a 30 MB attachment costs rspamd hundreds of ms of parsing for nothing, and rspamd's
// own max_message (50 MB by default) would refuse it anyway — the same reason SpamAssassin's
// spamc skips messages above 500 KB and Amavis truncates what it hands to SpamAssassin.
export const RSPAMD_MAX_BYTES = 10 * 1024 * 1024;

/** How many rspamd symbols a quarantine entry keeps (highest scores first). */
const MAX_REASONS = 25;

export type ScanInput = { bytes: Buffer; clientIp: string; helo: string; mailFrom: string; rcpt: string[]; user: string | null; queueId: string };
export type ScanOptions = { rspamdUrl?: string; clamd?: { host?: string; port?: number }; gate?: ScanGate };
export type ScanResult = { spam: SpamScan; virus: VirusScan; rspamdMs: number | null; clamdMs: number };

/**
 * The symbols worth showing a reviewer: those that moved the score, highest first. A verdict
 * forced with no score of its own (GTUBE: score 0, action reject) keeps its zero-score symbols.
 */
export function reasonsOf(symbols: RspamdSymbol[]): FilterReason[] {
  const scoring = symbols.filter((s) => s.score !== 0);
  return (scoring.length ? scoring : symbols).slice(0, MAX_REASONS).map((s) => {
    const description = describe(s);
    return { name: s.name, score: s.score, ...(description ? { description } : {}) };
  });
}

/**
 * The symbol's description with its options: SPAMD's options are the SpamAssassin rules that
 * fired, without which its score says nothing to a reviewer. Capped: a quarantine row is not a log.
 */
function describe(s: RspamdSymbol): string | undefined {
  const options = s.options?.join(", ");
  const text = [s.description, options].filter(Boolean).join(": ");
  return text ? (text.length > 300 ? `${text.slice(0, 299)}…` : text) : undefined;
}

// One gate per engine process: the bound is on what this process asks of rspamd and spamd.
let processGate: ScanGate | null = null;
const defaultGate = () => (processGate ??= createScanGate(env().SCAN_CONCURRENCY, env().SCAN_QUEUE_WAIT_SECONDS * 1000));

export async function scanMessage(input: ScanInput, opts: ScanOptions = {}): Promise<ScanResult> {
  const spamPromise: Promise<{ spam: SpamScan; ms: number | null }> =
    input.bytes.length > RSPAMD_MAX_BYTES
      ? Promise.resolve({ spam: { scanned: false, why: `larger than ${RSPAMD_MAX_BYTES / 1024 / 1024} MB` }, ms: null })
      : (opts.gate ?? defaultGate()).run(() => rspamdCheck(input.bytes, { ip: input.clientIp, helo: input.helo, from: input.mailFrom, rcpt: input.rcpt, user: input.user, queueId: input.queueId }, { url: opts.rspamdUrl })).then((r) => ({
          spam: {
            scanned: true as const,
            score: r.score,
            symbols: reasonsOf(r.symbols),
          },
          ms: r.ms,
        }));
  const [spam, virus] = await Promise.all([spamPromise, clamdScan(input.bytes, opts.clamd)]);
  return {
    spam: spam.spam,
    virus: virus.infected ? { infected: true, signature: virus.signature } : { infected: false },
    rspamdMs: spam.ms,
    clamdMs: virus.ms,
  };
}
