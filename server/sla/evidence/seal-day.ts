import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { dayHasher } from "./chain-hash";
import { requireDay } from "./chain-errors";
import { readDay } from "./day-samples";
import { addDays, dayStart, daysFromTo, lastSealableDay, utcDay } from "./utc-days";

// Sealing (docs/sla.md "Evidence"): each finished UTC day gets a SampleDigest over the previous
// day's digest and its own samples, in order and without gaps, so rewriting any sealed sample,
// or any earlier day's digest, shows in every later link. An empty day is sealed too: a day
// without a link would let a whole day of samples be deleted unnoticed.

const log = logger("sla.evidence");

export type SealResult = { day: string; samples: number; digest: string; created: boolean };

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The chain's last sealed day, or null before the first seal. */
export async function lastSealed(): Promise<{ day: string; digest: Uint8Array } | null> {
  const last = await db.sampleDigest.findFirst({ orderBy: { day: "desc" }, select: { day: true, digest: true } });
  return last && { day: utcDay(last.day), digest: last.digest };
}

/** The UTC day of the oldest sample still stored, or null when there is none. */
export async function firstSampleDay(): Promise<string | null> {
  const first = await db.probeSample.findFirst({ orderBy: { at: "asc" }, select: { at: true } });
  return first && utcDay(first.at);
}

/** The previous link for `day`: null for the chain's first day; refuses a gap or a day the chain has passed. */
async function previousDigest(day: string): Promise<Uint8Array | null> {
  const last = await lastSealed();
  if (last) {
    if (last.day === addDays(day, -1)) return last.digest;
    if (day < last.day) throw new DomainError("PRECONDITION_FAILED", say(`${day} is before the chain's first day`, `${day} 早于证据链的第一天`));
    const next = addDays(last.day, 1);
    throw new DomainError("PRECONDITION_FAILED", say(`days are sealed in order without gaps: seal ${next} first`, `日期须按顺序连续封存：请先封存 ${next}`));
  }
  const first = await firstSampleDay();
  if (first !== null && first < day) {
    throw new DomainError("PRECONDITION_FAILED", say(`the chain starts at the first day with samples: seal ${first} first`, `证据链从第一个有样本的日期开始：请先封存 ${first}`));
  }
  return null;
}

/**
 * Seals one day: it must have ended SLA_SEAL_GRACE_MINUTES ago and follow the last sealed day
 * (or, for the chain's first day, be no later than the oldest sample's). Sealing a sealed day
 * again returns its link unchanged.
 */
export async function sealDay(dayInput: unknown, opts: { pageSize?: number } = {}): Promise<SealResult> {
  const day = requireDay(dayInput);
  const now = clock.now();
  const grace = env().SLA_SEAL_GRACE_MINUTES;
  if (day > lastSealableDay(now, grace)) {
    throw new DomainError("PRECONDITION_FAILED", say(`${day} can be sealed ${grace} minutes after it ends (UTC)`, `${day} 须在（UTC）当日结束 ${grace} 分钟后才能封存`));
  }
  const existing = await db.sampleDigest.findUnique({ where: { day: dayStart(day) } });
  if (existing) return { day, samples: existing.samples, digest: hex(existing.digest), created: false };

  const prev = await previousDigest(day);
  const hasher = dayHasher(prev);
  await readDay(day, (rows) => hasher.add(rows), opts.pageSize);
  const digest = hasher.digest();
  try {
    await db.sampleDigest.create({ data: { day: dayStart(day), samples: hasher.count, digest: new Uint8Array(digest), prevDigest: prev ? new Uint8Array(prev) : null, sealedAt: now } });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    // Another maintenance run sealed it meanwhile: the same samples give the same link.
    const other = await db.sampleDigest.findUniqueOrThrow({ where: { day: dayStart(day) } });
    if (!Buffer.from(other.digest).equals(digest)) throw new DomainError("CONFLICT", say(`${day} was sealed meanwhile with another digest`, `${day} 已被同时以不同摘要封存`));
    return { day, samples: other.samples, digest: hex(other.digest), created: false };
  }
  log.info("day sealed", { day, samples: hasher.count, digest: digest.toString("hex") });
  return { day, samples: hasher.count, digest: digest.toString("hex"), created: true };
}

/** The finished days not sealed yet, oldest first (from the day after the last seal, or the first sample's day). */
export async function unsealedFinishedDays(now = clock.now()): Promise<string[]> {
  const last = await lastSealed();
  const from = last ? addDays(last.day, 1) : await firstSampleDay();
  if (from === null) return [];
  return daysFromTo(from, lastSealableDay(now, env().SLA_SEAL_GRACE_MINUTES));
}

/** Seals every finished day not sealed yet, in order. */
export async function sealFinishedDays(opts: { pageSize?: number } = {}): Promise<SealResult[]> {
  const sealed: SealResult[] = [];
  for (const day of await unsealedFinishedDays()) sealed.push(await sealDay(day, opts));
  return sealed;
}
