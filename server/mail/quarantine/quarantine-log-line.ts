import type { DeliveryStatus } from "@/server/generated/prisma/enums.ts";
import { truncateChars } from "@/server/mail/store/truncate";
import type { Tx } from "./quarantine-scope";

// What the delivery log (收发信记录) says about a held message as the quarantine decides on it:
// the recipient's inbound line moves on (quarantined → delivered on release) with a history
// step, in the same transaction as the decision, so the log never disagrees with the store.
// A line already purged by retention is simply not there.

const REASON_CHARS = 500;

export async function moveLogLine(
  tx: Tx,
  line: { messageId: string; mailboxId: string },
  step: { status: DeliveryStatus; reason: string; at: Date },
): Promise<number> {
  const reason = truncateChars(step.reason, REASON_CHARS);
  return tx.$executeRaw`
    UPDATE MessageEvent
    SET status = ${step.status}, reason = ${reason}, updatedAt = ${step.at},
        history = JSON_ARRAY_APPEND(history, '$', JSON_OBJECT('status', ${step.status}, 'at', ${step.at.toISOString()}, 'reason', ${reason}))
    WHERE messageId = ${line.messageId} AND direction = 'inbound' AND mailboxId = ${line.mailboxId}`;
}
