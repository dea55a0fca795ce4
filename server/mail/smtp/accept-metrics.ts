import { clock } from "@/server/shared/clock";
import { mailMetrics, reasonClass, severityOf } from "@/server/operations/monitoring/metrics/mail-metrics";
import type { IncomingMessage, Listener, SmtpRefusal } from "../engine.types";
import { splitLocalDeliveries, uniqueRemoteDeliveries } from "../store/local-deliveries";

// The engine's counters (docs/monitoring.md), taken where the SMTP layer answers: a few map
// updates per message, nothing on the network, so they cost the accept path nothing measurable.

/** A message answered 250: counted by listener, its copies by where they went, its latencies. */
export function countAccepted(msg: IncomingMessage, dataStartedAt: number): void {
  const m = mailMetrics;
  m.accepted().inc({ listener: msg.listener });
  m.dataSeconds().observe({ listener: msg.listener }, (performance.now() - dataStartedAt) / 1000);
  const { stored, held } = splitLocalDeliveries(msg);
  if (stored.length > 0) {
    m.localCopies().inc({ outcome: "delivered" }, stored.length);
    // In the mailbox once committed: the SLA's inbound latency, measured from fully received.
    m.deliveryLatency().observe({ direction: "inbound" }, Math.max(0, clock.now().getTime() - msg.receivedAt.getTime()) / 1000);
  }
  if (held.length > 0) m.localCopies().inc({ outcome: "quarantined" }, held.length);
  const remote = uniqueRemoteDeliveries(msg).length;
  if (remote > 0) m.remoteQueued().inc(undefined, remote);
}

/** A refused command, by phase, 4xx/5xx and the RFC 3463 class of its enhanced code. */
export function countRefused(listener: Listener, phase: string, r: SmtpRefusal): void {
  mailMetrics.rejected().inc({ listener, phase, severity: severityOf(r.code), class: reasonClass(r.enhanced) });
}
