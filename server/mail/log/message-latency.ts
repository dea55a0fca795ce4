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

/** Whole milliseconds from `from` to `to`; 0 when the clock says `to` came first (a clock step must not make a negative figure). */
export function messageLatencyMs(from: Date, to: Date): number {
  return Math.max(0, Math.round(to.getTime() - from.getTime()));
}
