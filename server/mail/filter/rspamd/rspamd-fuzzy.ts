import { env } from "@/server/shared/env";
import { FilterUnavailableError } from "../filter-unavailable";
import { rspamdPost } from "./rspamd-http";

// The platform's own fuzzy-hash storage (config/rspamd/local.d/worker-fuzzy.inc): a message
// learned as spam is hashed (its text parts by shingles, so a near-duplicate matches too) and
// later copies score LOCAL_FUZZY_DENIED. Bayes learns words; this catches a campaign's next
// wave whatever its words weigh. Learned through the controller (/fuzzyadd, /fuzzydel).

/** The flag config/rspamd/override.d/fuzzy_check.conf maps to LOCAL_FUZZY_DENIED. */
export const FUZZY_SPAM_FLAG = 11;
/**
 * A hash's weight. Measured here: an exact match then scores ~10.5 of the symbol's 12, a near
 * match ~8: with the Bayes and SpamAssassin scores a campaign's copy also gets, over the default
 * quarantine threshold (16.3), never the refusal threshold (30) on its own.
 */
export const FUZZY_SPAM_WEIGHT = 10;

export type FuzzyOutcome = { stored: boolean; detail: string };

/**
 * Adds (or, for a message released as "not spam", deletes) the message's fuzzy hashes.
 * A message with no text or attachment big enough to hash is `stored: false`, not an error.
 * The storage writes its batch every few seconds (worker-fuzzy.inc `sync`), so a scan right
 * after an add may not match yet.
 */
export async function rspamdFuzzy(
  action: "add" | "delete",
  bytes: Buffer,
  opts: { url?: string; password?: string; timeoutMs?: number } = {},
): Promise<FuzzyOutcome> {
  const e = env();
  const headers: Record<string, string> = { Password: opts.password ?? e.RSPAMD_PASSWORD, Flag: String(FUZZY_SPAM_FLAG) };
  if (action === "add") headers.Weight = String(FUZZY_SPAM_WEIGHT);
  const path = action === "add" ? "fuzzyadd" : "fuzzydel";
  const reply = await rspamdPost(opts.url ?? e.RSPAMD_CONTROLLER_URL, path, bytes, headers, opts.timeoutMs ?? e.RSPAMD_TIMEOUT_MS);
  const json = parseReply(reply.body);
  if (reply.status === 200 && json.success === true) return { stored: true, detail: action === "add" ? "hashed" : "unhashed" };
  // rspamd answers 404 "No content to generate fuzzy" for a message without a hashable part.
  if (typeof json.error === "string" && /no content to generate fuzzy/i.test(json.error)) return { stored: false, detail: json.error };
  throw new FilterUnavailableError("rspamd", `${path} answered HTTP ${reply.status}: ${(json.error as string | undefined) ?? reply.body.slice(0, 200)}`);
}

function parseReply(body: string): { success?: unknown; error?: unknown } {
  try {
    const v = JSON.parse(body) as unknown;
    return v && typeof v === "object" ? (v as { success?: unknown; error?: unknown }) : {};
  } catch {
    return {};
  }
}
