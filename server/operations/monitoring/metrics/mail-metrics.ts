import { processRegistry } from "./process-registry";

// The mail engine's and the relay's metric families (docs/monitoring.md lists each). The engine
// process counts what happens on its listeners; the relay runs in the workers process, so its
// attempt counters live there and are served by that process's own endpoint.

/** Seconds: a DATA phase (read, scan, fsync, commit) or a relay attempt, from 10 ms to 2 minutes. */
const SMTP_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Seconds from accepted to relayed or stored: up to the SLA's hour, and a day for the retries. */
const LATENCY_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600];

const r = () => processRegistry();

export const mailMetrics = {
  accepted: () => r().counter("mailstead_smtp_messages_accepted_total", "Messages the engine answered 250 to, by listener (mx, submission).", ["listener"]),
  localCopies: () =>
    r().counter("mailstead_mail_local_copies_total", "Copies for the platform's mailboxes: delivered into the mailbox, or held in the quarantine.", ["outcome"]),
  remoteQueued: () => r().counter("mailstead_mail_remote_queued_total", "Recipients outside the platform queued for the relay (outbox rows)."),
  rejected: () =>
    r().counter(
      "mailstead_smtp_rejected_total",
      "SMTP commands refused, by listener, phase (connect, auth, mail, rcpt, data), severity (temporary 4xx, permanent 5xx) and RFC 3463 subject class.",
      ["listener", "phase", "severity", "class"],
    ),
  dataSeconds: () =>
    r().histogram("mailstead_smtp_data_duration_seconds", "Time from the end of DATA to the answer (scan, fsync, commit), by listener.", ["listener"], SMTP_BUCKETS),
  pop3Sessions: () => r().counter("mailstead_pop3_sessions_total", "POP3 connections opened, by listener (pop3 with STLS, pop3s).", ["listener"]),
  pop3Active: () => r().gauge("mailstead_pop3_sessions_active", "POP3 sessions open now, by listener.", ["listener"]),
  relayAttempts: () =>
    r().counter("mailstead_outbound_attempts_total", "Relay attempts to remote servers, by outcome (relayed, deferred, bounced).", ["outcome"]),
  relaySeconds: () =>
    r().histogram("mailstead_outbound_attempt_duration_seconds", "Duration of one relay attempt (MX lookup to the remote's answer), by outcome.", ["outcome"], SMTP_BUCKETS),
  deliveryLatency: () =>
    r().histogram(
      "mailstead_delivery_latency_seconds",
      "Time from fully received to delivered: inbound into the mailbox, outbound until the remote server took it (retries included).",
      ["direction"],
      LATENCY_BUCKETS,
    ),
};

/** RFC 3463's subject of an enhanced code ("5.1.1" → address): a bounded reason class for labels. */
export function reasonClass(enhanced: string): string {
  const subject = /^[245]\.(\d{1,3})\.\d{1,3}$/.exec(enhanced)?.[1];
  const classes: Record<string, string> = {
    "0": "other",
    "1": "address",
    "2": "mailbox",
    "3": "system",
    "4": "network",
    "5": "protocol",
    "6": "content",
    "7": "policy",
  };
  return (subject && classes[subject]) ?? "other";
}

/** 4xx: the client may try later; 5xx: never. */
export const severityOf = (code: number): "temporary" | "permanent" | "other" => (code >= 500 && code < 600 ? "permanent" : code >= 400 && code < 500 ? "temporary" : "other");

/**
 * Makes the known series appear at 0 from the start, so a scrape right after a restart shows
 * them and rate()/increase() see the first event: the engine's on its start, the relay's in the
 * workers process.
 */
export function touchMailMetrics(processName: "mail" | "workers"): void {
  if (processName === "mail") {
    for (const listener of ["mx", "submission"]) mailMetrics.accepted().touch({ listener });
    for (const outcome of ["delivered", "quarantined"]) mailMetrics.localCopies().touch({ outcome });
    mailMetrics.remoteQueued().touch();
    for (const listener of ["pop3", "pop3s"]) mailMetrics.pop3Sessions().touch({ listener });
  } else {
    for (const outcome of ["relayed", "deferred", "bounced"]) mailMetrics.relayAttempts().touch({ outcome });
  }
}
