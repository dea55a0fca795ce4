import type { ProbeKind } from "@/server/generated/prisma/enums";
import { clock } from "@/server/shared/clock";
import type { SampleWriter } from "@/server/sla/samples/write-samples";
import { repairProbeMailbox } from "./probe-mailbox";
import type { ProbeResult } from "./probe.types";
import { logger } from "@/server/shared/logger";

const log = logger("sla.probes");

export type ProbeRun = { probe: ProbeKind; target: string; run: () => Promise<ProbeResult> };

/** Whether the failure was the probe mailbox's (now repaired). A repair that cannot run (the
 * database down, which also fails logins) leaves the failure standing: it is then the service's. */
async function repairedMailbox(p: ProbeRun, result: ProbeResult): Promise<boolean> {
  try {
    return await repairProbeMailbox({ probe: p.probe, error: result.error });
  } catch (e) {
    log.warn("probe mailbox could not be checked: the failure is recorded", { probe: p.probe, error: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

/**
 * Runs one probe and hands its sample to the writer. A failure that points at the probe mailbox
 * (unknown user, refused login) is checked first: when the mailbox had been deleted or changed,
 * it is re-provisioned, an operator alert is raised, and NO sample is written — the service was
 * not down, our own test account was. Returns what was recorded (null: nothing).
 */
export async function recordRun(writer: SampleWriter, location: string, p: ProbeRun): Promise<ProbeResult | null> {
  const at = clock.now();
  const result = await p.run();
  if (!result.ok && result.inconclusive) return null;
  if (!result.ok && result.suspectMailbox && (await repairedMailbox(p, result))) return null;
  writer.add({ probe: p.probe, target: p.target, location, ok: result.ok, latencyMs: result.latencyMs, error: result.error, at, detail: result.detail ?? null });
  return result;
}
