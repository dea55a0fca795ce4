import { rspamdLearn } from "@/server/mail/filter/rspamd/rspamd-client";
import { rspamdFuzzy } from "@/server/mail/filter/rspamd/rspamd-fuzzy";
import { spamdTell } from "@/server/mail/filter/spamassassin/spamd-client";
import { readStoredMessage } from "@/server/mail/store/read-message";
import { logger } from "@/server/shared/logger";
import type { TeachOutcome } from "./quarantine.types";

// Users' "not spam" (a release) and "this is spam" teach the filter (issue 8 item 5): rspamd's
// Bayes and SpamAssassin's learn the message's words, and the fuzzy storage learns (or, for "not
// spam", forgets) its hashes so the campaign's next copies are caught. Best effort: the decision
// itself is already committed, so a filter being down, or the file being gone, is reported to
// the caller and logged, never thrown. The lessons are independent: one failing does not hide
// that another was learned.

const log = logger("mail.quarantine");

type Lesson = { learned: boolean; detail: string };

async function lesson(what: string, kind: "spam" | "ham", messageId: string, teach: () => Promise<Lesson>): Promise<Lesson> {
  try {
    return await teach();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.warn(`could not teach the spam filter (${what})`, { kind, messageId, error: detail });
    return { learned: false, detail };
  }
}

export async function teachFilter(kind: "spam" | "ham", relPath: string, messageId: string): Promise<TeachOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readStoredMessage(relPath);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.warn("could not teach the spam filter: the message file is unreadable", { kind, messageId, error: detail });
    return { taught: false, detail };
  }
  const bayes = await lesson("Bayes", kind, messageId, () => rspamdLearn(kind, bytes));
  const fuzzy = await lesson("fuzzy", kind, messageId, async () => {
    const r = await rspamdFuzzy(kind === "spam" ? "add" : "delete", bytes);
    return { learned: r.stored, detail: r.detail };
  });
  const spamAssassin = await lesson("SpamAssassin", kind, messageId, () => spamdTell(kind, bytes));
  return {
    taught: bayes.learned || fuzzy.learned || spamAssassin.learned,
    detail: `Bayes: ${bayes.detail}; fuzzy: ${fuzzy.detail}; SpamAssassin: ${spamAssassin.detail}`,
  };
}
