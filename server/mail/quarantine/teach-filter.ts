import { rspamdLearn } from "@/server/mail/filter/rspamd/rspamd-client";
import { rspamdFuzzy } from "@/server/mail/filter/rspamd/rspamd-fuzzy";
import { readStoredMessage } from "@/server/mail/store/read-message";
import { logger } from "@/server/shared/logger";
import type { TeachOutcome } from "./quarantine.types";

// Users' "not spam" (a release) and "this is spam" teach rspamd (issue 8 item 5): Bayes learns
// the message's words, and the fuzzy storage learns (or, for "not spam", forgets) its hashes so
// the campaign's next copies are caught. Best effort: the decision itself is already committed,
// so rspamd being down, or the file being gone, is reported to the caller and logged, never
// thrown.

const log = logger("mail.quarantine");

export async function teachFilter(kind: "spam" | "ham", relPath: string, messageId: string): Promise<TeachOutcome> {
  try {
    const bytes = await readStoredMessage(relPath);
    const bayes = await rspamdLearn(kind, bytes);
    const fuzzy = await rspamdFuzzy(kind === "spam" ? "add" : "delete", bytes);
    return { taught: bayes.learned || fuzzy.stored, detail: `Bayes: ${bayes.detail}; fuzzy: ${fuzzy.detail}` };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.warn("could not teach the spam filter", { kind, messageId, error: detail });
    return { taught: false, detail };
  }
}
