import { probeHttp } from "@/server/sla/probes/http.probe";
import { probeNetwork } from "@/server/sla/probes/network.probe";
import { probePop3 } from "@/server/sla/probes/pop3.probe";
import type { ProbeConfig } from "@/server/sla/probes/probe-config";
import { targetLabel } from "@/server/sla/probes/probe-config";
import type { ProbeMailbox } from "@/server/sla/probes/probe-mailbox";
import type { ProbeRun } from "@/server/sla/probes/record-run";
import { probeSmtpMx } from "@/server/sla/probes/smtp-mx.probe";
import { probeSubmission } from "@/server/sla/probes/submission.probe";

/** The uptime probes of one run: MX, submission, POP3, the portal, and each public address. */
export function uptimeRuns(c: ProbeConfig, box: ProbeMailbox): ProbeRun[] {
  const timeoutMs = c.timeoutMs;
  return [
    { probe: "smtp_mx", target: targetLabel(c.mx), run: () => probeSmtpMx(c.mx, { timeoutMs, rcpt: box.address }) },
    { probe: "submission", target: targetLabel(c.submission), run: () => probeSubmission(c.submission, { timeoutMs, ...box }) },
    { probe: "pop3", target: targetLabel(c.pop3), run: () => probePop3(c.pop3, { timeoutMs, ...box }) },
    { probe: "http", target: new URL("/api/health", c.portalUrl).href, run: () => probeHttp(c.portalUrl, { timeoutMs }) },
    ...c.publicAddresses.map((a): ProbeRun => ({ probe: "network", target: targetLabel(a), run: () => probeNetwork(a, { timeoutMs }) })),
  ];
}
