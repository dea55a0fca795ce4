import type { ProbeKind } from "@/server/generated/prisma/enums";
import { clock } from "@/server/shared/clock";
import type { SampleWriter } from "@/server/sla/samples/write-samples";
import { repairProbeMailbox } from "./probe-mailbox";
import type { ProbeResult } from "./probe.types";

export type ProbeRun = { probe: ProbeKind; target: string; run: () => Promise<ProbeResult> };

/**
 * Runs one probe and hands its sample to the writer. A failure that points at the probe mailbox
 * (unknown user, refused login) is checked first: when the mailbox had been deleted or changed,
 * it is re-provisioned, an operator alert is raised, and NO sample is written — the service was
 * not down, our own test account was. Returns what was recorded (null: nothing).
 */
export async function recordRun(writer: SampleWriter, location: string, p: ProbeRun): Promise<ProbeResult | null> {
  const at = clock.now();
  const result = await p.run();
  if (!result.ok && result.suspectMailbox && (await repairProbeMailbox({ probe: p.probe, error: result.error }))) return null;
  writer.add({ probe: p.probe, target: p.target, location, ok: result.ok, latencyMs: result.latencyMs, error: result.error, at, detail: result.detail ?? null });
  return result;
}
