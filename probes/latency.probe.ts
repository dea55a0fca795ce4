import { probeE2e } from "@/server/sla/probes/e2e.probe";
import type { ProbeConfig } from "@/server/sla/probes/probe-config";
import { targetLabel } from "@/server/sla/probes/probe-config";
import type { ProbeMailbox } from "@/server/sla/probes/probe-mailbox";
import type { ProbeRun } from "@/server/sla/probes/record-run";

/** The end-to-end probe: submission → probe mailbox → readable over POP3. */
export function latencyRun(c: ProbeConfig, box: ProbeMailbox): ProbeRun {
  return {
    probe: "e2e",
    target: `${targetLabel(c.submission)}->${targetLabel(c.pop3)}`,
    run: () => probeE2e({ submission: c.submission, pop3: c.pop3, timeoutMs: c.e2eTimeoutMs, address: box.address, password: box.password }),
  };
}
