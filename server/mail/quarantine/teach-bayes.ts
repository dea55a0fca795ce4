import { rspamdLearn } from "@/server/mail/filter/rspamd/rspamd-client";
import { readStoredMessage } from "@/server/mail/store/read-message";
import { logger } from "@/server/shared/logger";
import type { TeachOutcome } from "./quarantine.types";

// Users' "not spam" (a release) and "this is spam" teach rspamd's Bayes (issue 8 item 5). Best
// effort: the decision itself is already committed, so rspamd being down, or the file being
// gone, is reported to the caller and logged, never thrown.

const log = logger("mail.quarantine");

export async function teachBayes(kind: "spam" | "ham", relPath: string, messageId: string): Promise<TeachOutcome> {
  try {
    const bytes = await readStoredMessage(relPath);
    const { learned, detail } = await rspamdLearn(kind, bytes);
    return { taught: learned, detail };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.warn("could not teach Bayes", { kind, messageId, error: detail });
    return { taught: false, detail };
  }
}
