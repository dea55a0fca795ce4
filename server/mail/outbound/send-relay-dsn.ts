import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { sendDsn } from "./dsn/send-dsn";
import type { OutboxRow, Settlement } from "./outbox-rows";

// The relay's side of delivery status notifications (the report itself is dsn/send-dsn.ts).
// Best effort: a DSN that cannot be sent is logged, never a reason to undo the row's state.

const log = logger("mail.outbound");

/** "failed" DSN for one bounced row. */
export async function sendBounceDsn(row: Pick<OutboxRow, "id" | "messageId" | "recipient">, s: Settlement, status: string): Promise<void> {
  try {
    await sendDsn({
      messageId: row.messageId,
      kind: "failed",
      recipients: [{ recipient: row.recipient, status, remoteMta: s.attempt.mxHost, diagnostic: s.attempt.response, lastAttemptAt: clock.now() }],
    });
  } catch (e) {
    log.error("could not send the bounce DSN", { outboxItemId: String(row.id), messageId: row.messageId, error: e instanceof Error ? e.message : String(e) });
  }
}
