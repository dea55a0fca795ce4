import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { dayHasher } from "./chain-hash";
import { requireDay } from "./chain-errors";
import { dayRange, daySamplePages } from "./day-samples";
import { addDays, dayStart, utcDay } from "./utc-days";

// `npm run sla:verify` (scripts/sla/verify.ts): recomputes the chain day by day and names the
// first day that no longer matches what was sealed. Days whose samples retention has deleted
// (older than SLA_SAMPLE_RETENTION_DAYS) can only be checked for continuity: their link must
// still follow the previous day's digest, and the next day's link still covers theirs.

export type DayVerdict =
  | "ok"
  /** Samples deleted by retention: the link's place in the chain was checked, not its content. */
  | "retained"
  | "digest differs"
  | "count differs"
  | "chain broken";

/** `samples`: what the day holds now (null when the chain broke before it was counted). */
export type DayCheck = { day: string; verdict: DayVerdict; message: string; samples: number | null; sealedSamples: number };

export type VerifyResult = { checked: DayCheck[]; firstBad: DayCheck | null };

type Link = { day: string; samples: number; digest: Buffer; prevDigest: Buffer | null };


/** The link's place in the chain: it follows `before` (the previous sealed day, if any) without a gap. */
function continuity(link: Link, before: Link | null): string | null {
  if (!before) return link.prevDigest ? `the previous day's link is missing (the chain was cut)` : null;
  if (before.day !== addDays(link.day, -1)) return `${addDays(link.day, -1)} is missing from the chain (the last link before it is ${before.day})`;
  if (!link.prevDigest || !link.prevDigest.equals(before.digest)) return `its previous digest does not match ${before.day}'s (the chain was rewritten)`;
  return null;
}

async function recompute(link: Link, retentionCutoff: string): Promise<Omit<DayCheck, "day">> {
  const range = await dayRange(link.day);
  const base = { samples: range.count, sealedSamples: link.samples };
  // Retention deletes whole old days in batches: a day past the cutoff may be gone or half gone.
  if (link.day < retentionCutoff && range.count < link.samples) {
    return { ...base, verdict: "retained", message: `samples deleted by retention (${range.count} of ${link.samples} left); chain continuity ok` };
  }
  if (range.count !== link.samples) {
    return { ...base, verdict: "count differs", message: `${range.count} samples, sealed with ${link.samples} (samples added or removed since sealed)` };
  }
  const hasher = dayHasher(link.prevDigest);
  for await (const rows of daySamplePages(link.day, range)) hasher.add(rows);
  const digest = hasher.digest();
  if (hasher.count !== link.samples) return { ...base, samples: hasher.count, verdict: "count differs", message: `${hasher.count} samples, sealed with ${link.samples} (samples added or removed since sealed)` };
  if (!digest.equals(link.digest)) return { ...base, verdict: "digest differs", message: "digest differs (samples changed since sealed)" };
  return { ...base, verdict: "ok", message: `ok (${link.samples} samples)` };
}

/**
 * Checks every sealed day from `from` to `to` (default: the whole chain), oldest first, and stops
 * at the first that fails. `onDay` hears each day as it is checked (the CLI prints them).
 */
export async function verifyChain(opts: { from?: unknown; to?: unknown; onDay?: (check: DayCheck) => void } = {}): Promise<VerifyResult> {
  const from = opts.from === undefined ? null : requireDay(opts.from, "from");
  const to = opts.to === undefined ? null : requireDay(opts.to, "to");
  if (from && to && from > to) throw new DomainError("BAD_INPUT", say(`from (${from}) is after to (${to})`, `开始日期 ${from} 晚于结束日期 ${to}`));

  const retentionCutoff = utcDay(new Date(clock.now().getTime() - env().SLA_SAMPLE_RETENTION_DAYS * 24 * 3600 * 1000));
  // The link before `from` is read too: the first day checked must follow it.
  const rows = await db.sampleDigest.findMany({
    where: { day: { ...(from ? { gte: dayStart(addDays(from, -1)) } : {}), ...(to ? { lte: dayStart(to) } : {}) } },
    orderBy: { day: "asc" },
  });
  const links: Link[] = rows.map((r) => ({ day: utcDay(r.day), samples: r.samples, digest: Buffer.from(r.digest), prevDigest: r.prevDigest ? Buffer.from(r.prevDigest) : null }));
  const checked: DayCheck[] = [];
  let before: Link | null = null;
  for (const link of links) {
    if (from && link.day < from) {
      before = link;
      continue;
    }
    const broken = continuity(link, before);
    const check: DayCheck = broken
      ? { day: link.day, verdict: "chain broken", message: broken, samples: null, sealedSamples: link.samples }
      : { day: link.day, ...(await recompute(link, retentionCutoff)) };
    checked.push(check);
    opts.onDay?.(check);
    if (check.verdict !== "ok" && check.verdict !== "retained") return { checked, firstBad: check };
    before = link;
  }
  return { checked, firstBad: null };
}
