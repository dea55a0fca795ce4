import os from "node:os";
import { env } from "@/server/shared/env";
import { parseAddresses } from "./network.probe";
import type { MailTarget } from "./probe.types";

export type ProbeConfig = {
  location: string;
  timeoutMs: number;
  e2eTimeoutMs: number;
  intervalMs: number;
  spamIntervalMs: number;
  mx: MailTarget;
  submission: MailTarget;
  pop3: MailTarget;
  portalUrl: string;
  publicAddresses: MailTarget[];
};

/** What the probes measure, from the environment (docs/probes.md). */
export function probeConfig(): ProbeConfig {
  const e = env();
  // A listener bound to every address is reached on loopback from this host.
  const host = e.MAIL_BIND_HOST === "0.0.0.0" || e.MAIL_BIND_HOST === "::" ? "127.0.0.1" : e.MAIL_BIND_HOST;
  const at = (port: number): MailTarget => ({ host, port });
  const portalUrl = e.SLA_PROBE_PORTAL_URL ?? `http://127.0.0.1:${e.PORT}`;
  const portal = new URL(portalUrl);
  const defaults = [at(e.SMTP_MX_PORT), at(e.SMTP_SUBMISSION_PORT), at(e.SMTP_SUBMISSIONS_PORT), at(e.POP3_PORT), at(e.POP3S_PORT), { host: portal.hostname, port: Number(portal.port || (portal.protocol === "https:" ? 443 : 80)) }];
  return {
    location: e.SLA_PROBE_LOCATION ?? os.hostname().slice(0, 64),
    timeoutMs: e.SLA_PROBE_TIMEOUT_MS,
    e2eTimeoutMs: e.SLA_E2E_TIMEOUT_SECONDS * 1000,
    intervalMs: e.SLA_PROBE_INTERVAL_SECONDS * 1000,
    spamIntervalMs: e.SLA_SPAM_PROBE_INTERVAL_SECONDS * 1000,
    mx: at(e.SMTP_MX_PORT),
    submission: at(e.SMTP_SUBMISSION_PORT),
    pop3: at(e.POP3_PORT),
    portalUrl,
    publicAddresses: e.SLA_PUBLIC_ADDRESSES ? parseAddresses(e.SLA_PUBLIC_ADDRESSES) : defaults,
  };
}

export const targetLabel = (t: MailTarget) => `${t.host.includes(":") ? `[${t.host}]` : t.host}:${t.port}`;
