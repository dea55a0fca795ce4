import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import { env } from "@/server/shared/env";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * TLS options for a probe's STARTTLS/STLS. A loopback target is the engine on this machine with
 * the self-signed pair npm start makes in data/tls: nothing on the path can interpose, and the
 * probe measures whether the service answers, so that certificate is accepted unchecked. Any
 * other host is checked against SLA_PROBE_TLS_CA when set, else the system's CAs: a probe
 * across a network must fail on a wrong certificate as a customer's client would.
 */
export function probeTlsOptions(host: string): ConnectionOptions {
  if (LOOPBACK.has(host)) return { rejectUnauthorized: false };
  const ca = env().SLA_PROBE_TLS_CA;
  return { servername: host, rejectUnauthorized: true, ...(ca ? { ca: readFileSync(ca) } : {}) };
}
