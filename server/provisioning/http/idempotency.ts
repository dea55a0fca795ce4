import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { ApiError, errorResult, type ApiResult } from "./api-error";

const log = logger("api.v1");

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

/** How long a duplicate waits for the first request to finish before it is told "in progress". */
const WAIT_MS = 10_000;
const POLL_MS = 100;
/** A request still "running" after this died with its process: its key may be used again. */
const ABANDONED_MS = 5 * 60_000;
/**
 * How long an answer is kept for replays. A billing system retries within minutes or hours; kept
 * for ever, every write's answer would pile up. After this a retry runs again, and the use case's
 * own request id (useCaseKey) still finds the first attempt's rows where it has them.
 */
export const KEEP_MS = 30 * 86_400_000;
const PURGE_EVERY_MS = 60_000;
let lastPurge = Number.NEGATIVE_INFINITY;

/**
 * Deletes the expired answers (a range of the createdAt index), at most once a minute per
 * process and on a write's path, so no job is needed; a failure only waits for the next one.
 */
async function purgeExpired(): Promise<void> {
  if (performance.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = performance.now();
  await db.apiIdempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(clock.now().getTime() - KEEP_MS) } } }).catch((e: unknown) => {
    log.warn("could not purge expired idempotency records", { error: e instanceof Error ? e.message : String(e) });
  });
}

/** Lets the next write purge at once (tests). */
export const purgeOnNextWrite = () => {
  lastPurge = Number.NEGATIVE_INFINITY;
};

/** The header's value: 1–255 printable ASCII characters, else 400. */
export function idempotencyKeyOf(req: Request): string {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null || key.length === 0) {
    throw new ApiError(400, "BAD_INPUT", say("Every write needs an Idempotency-Key header (a unique value per operation)", "每个写请求都需要 Idempotency-Key 请求头（每个操作一个唯一值）"));
  }
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiError(400, "BAD_INPUT", say("The Idempotency-Key header must be 1 to 255 printable characters without spaces", "Idempotency-Key 必须是 1 到 255 个可打印字符，不含空格"));
  }
  return key;
}

/** JSON with sorted keys, so the same body sent with other spacing or key order hashes alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function bodyHash(raw: string): string {
  let text = raw;
  try {
    text = canonical(JSON.parse(raw));
  } catch {
    // Not JSON: hashed as sent (the handler refuses it with 400, and a retry gets the same 400).
  }
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The key the use case gets as its own request id (8–100 word characters), derived from the API
 * key and the header, so that even a retry after a lost answer (5xx, crash) finds the first
 * attempt's rows through the use case's own unique index.
 */
export const useCaseKey = (apiKeyId: string, key: string) => `api-${createHash("sha256").update(`${apiKeyId}\n${key}`, "utf8").digest("hex").slice(0, 40)}`;

type Request_ = { apiKeyId: string; key: string; method: string; path: string; hash: string };
type Stored = { id: string; method: string; path: string; bodyHash: string; status: number | null; response: unknown; createdAt: Date };

const mismatch = () =>
  new ApiError(422, "IDEMPOTENCY_MISMATCH", say("This Idempotency-Key was already used for a different request", "该 Idempotency-Key 已用于另一个请求"));
const inProgress = () =>
  new ApiError(409, "IN_PROGRESS", say("A request with this Idempotency-Key is still running: retry in a moment", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试"));

function replay(r: Request_, stored: Stored): ApiResult | null {
  // The column keeps 255 characters of the path: compare what was stored, or a retry on a longer path is always a "mismatch".
  if (stored.method !== r.method || stored.path !== r.path.slice(0, 255) || stored.bodyHash !== r.hash) throw mismatch();
  if (stored.status === null) return null;
  return { status: stored.status, body: stored.response, headers: { [REPLAYED_HEADER]: "true" } };
}

/** Claims the key (a row with no answer yet), or returns the earlier answer; waits out a concurrent first attempt. */
async function claim(r: Request_): Promise<{ id: string } | ApiResult> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await db.apiIdempotencyRecord.create({
        data: { apiKeyId: r.apiKeyId, key: r.key, method: r.method, path: r.path.slice(0, 255), bodyHash: r.hash, createdAt: clock.now() },
        select: { id: true },
      });
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    }
    const stored = await db.apiIdempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId: r.apiKeyId, key: r.key } } });
    if (!stored) continue; // the first attempt failed with a 5xx and let the key go: try again
    const earlier = replay(r, stored);
    if (earlier) return earlier;
    if (clock.now().getTime() - stored.createdAt.getTime() > ABANDONED_MS) {
      await db.apiIdempotencyRecord.deleteMany({ where: { id: stored.id, status: null } });
      continue;
    }
    if (Date.now() > deadline) throw inProgress();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Runs a write once per (API key, Idempotency-Key): the first request executes and its answer
 * (success or refusal) is stored; a retry with the same method, path and body gets that answer
 * again with `Idempotent-Replayed: true`; with anything else, 422. A concurrent duplicate waits
 * for the first, then replays it (409 IN_PROGRESS if it takes too long). A 5xx is not stored,
 * so the retry runs again (the use case's own request id still prevents doing the work twice).
 */
export async function idempotent(r: Request_, work: () => Promise<ApiResult>): Promise<ApiResult> {
  await purgeExpired();
  const claimed = await claim(r);
  if (!("id" in claimed)) return claimed;
  const result = await work().catch(errorResult);
  if (result.status >= 500) {
    await db.apiIdempotencyRecord.delete({ where: { id: claimed.id } });
    return result;
  }
  const stored = JSON.parse(JSON.stringify(result.body ?? null)) as Prisma.InputJsonValue;
  await db.apiIdempotencyRecord.update({ where: { id: claimed.id }, data: { status: result.status, response: stored, completedAt: clock.now() } });
  return result;
}
