// The SLA's per-message latency (seed 002 appendix B, product.md §5), stored on the delivery-log
// line (MessageEvent.latencyMs) by the write that already moves the line on, so the engine pays
// no extra round trip for it:
// - receive latency (inbound line): receivedAt (fully received) → the store's commit that puts
//   the copy in the mailbox (server/mail/store/batch-statements.ts). A local recipient of a
//   submission counts here too: its own inbound line carries the figure.
// - send latency (outbound line): receivedAt → the start of the FIRST attempt to transmit to the
//   target server (server/mail/outbound/outbox-rows.ts, settleOutboxRow, COALESCE keeps it).
// Lines that never reach a mailbox or a transmission (held in quarantine; an outbound line whose
// copies were all local) carry null: the SLA measures the platform's delay, and a release from
// quarantine is a person's decision, not the platform's.

/** The column is a signed INT: about 24.8 days of milliseconds. */
export const MAX_LATENCY_MS = 2_147_483_647;

/**
 * Whole milliseconds from `from` to `to`; 0 when the clock says `to` came first (a clock step must
 * not make a negative figure), and at most MAX_LATENCY_MS (a message stored weeks after it was
 * received, say restored from a backup, is over the one-hour limit either way).
 */
export function messageLatencyMs(from: Date, to: Date): number {
  return Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(to.getTime() - from.getTime())));
}
