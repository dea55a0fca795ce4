import { createHash } from "node:crypto";
import { ulid } from "@/server/mail/ulid";
import type { DsnKind } from "./send-dsn.types";

// The DSN's message id is derived, not random: the same notice (same original message, kind
// and recipients) always gets the same ULID, which is the MailMessage primary key. A relay that
// retries after a crash therefore finds the notice already stored instead of sending a second
// one, and two racing callers cannot both insert it. The time part is the original message's
// arrival, so the notice sorts next to the message it is about.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function dsnMessageId(original: { id: string; receivedAt: Date }, kind: DsnKind, recipients: readonly string[]): string {
  const key = [original.id, kind, ...recipients.map((r) => r.toLowerCase()).sort()].join("\n");
  const digest = createHash("sha256").update(key).digest();
  let tail = "";
  for (let i = 0; i < 16; i++) tail += ALPHABET[digest[i]! & 31];
  return ulid(original.receivedAt).slice(0, 10) + tail;
}
