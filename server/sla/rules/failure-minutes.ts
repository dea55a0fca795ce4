import type { ProbeKind } from "@/server/generated/prisma/enums.ts";
import { AVAILABILITY_PROBES, minuteOf, PPM, USER_SHARE_THRESHOLD_PPM } from "./constants";
import type { Interval } from "./intervals";

/** One probe sample as the SLA reads it (ProbeSample: `at` in epoch ms, already skew-corrected). */
export type Observation = {
  at: number;
  probe: ProbeKind;
  location: string;
  ok: boolean;
  /** null: a platform-wide measurement, which counts for every tenant. */
  tenantId: string | null;
  /** Tenant-scoped failures: how many of the tenant's mailboxes it concerned. */
  affected: number | null;
};

const sorted = (minutes: Iterable<number>): number[] => [...minutes].sort((a, b) => a - b);

/**
 * Minutes in which the whole platform failed for at least one of `probes`.
 *
 * Probes may run from several hosts. A minute fails for a probe when the failing locations are at
 * least half of the locations that reported that probe in that minute: with one location any
 * failure counts, with two one failing counts. A probe host that sees an outage is evidence of it
 * unless most of the others saw none, and a tie goes to the customer (the contract protects them;
 * a platform that wants to win a tie can run a third probe host). A location that reported both a
 * failure and a success in one minute counts as failing, for the same reason. Several failures in
 * one minute count once.
 */
export function platformFailureMinutes(obs: readonly Observation[], probes: readonly ProbeKind[]): number[] {
  // minute → probe → location → failed
  const seen = new Map<number, Map<ProbeKind, Map<string, boolean>>>();
  for (const o of obs) {
    if (o.tenantId !== null || !probes.includes(o.probe)) continue;
    const minute = minuteOf(o.at);
    let byProbe = seen.get(minute);
    if (!byProbe) seen.set(minute, (byProbe = new Map()));
    let byLocation = byProbe.get(o.probe);
    if (!byLocation) byProbe.set(o.probe, (byLocation = new Map()));
    byLocation.set(o.location, (byLocation.get(o.location) ?? false) || !o.ok);
  }
  const failed: number[] = [];
  for (const [minute, byProbe] of seen) {
    for (const byLocation of byProbe.values()) {
      const failing = [...byLocation.values()].filter(Boolean).length;
      if (failing > 0 && failing * 2 >= byLocation.size) {
        failed.push(minute);
        break;
      }
    }
  }
  return sorted(failed);
}

/** `affected` is at least `activeMailboxes` × 10 % (inclusive), in exact integer arithmetic. */
export const reachesUserShare = (affected: number, activeMailboxes: number): boolean =>
  activeMailboxes > 0 && affected * PPM >= activeMailboxes * USER_SHARE_THRESHOLD_PPM;

/**
 * Minutes in which a failure of only this tenant's mailboxes reached 10 % of its users
 * (「10％以上的用户」, inclusive; users are the active mailboxes, not the seats).
 *
 * `obs` are this tenant's scoped samples. Per minute and probe the largest `affected` among failures
 * counts (several samples of one probe see the same mailboxes again); different probes are summed
 * (SMTP failing for some and POP3 for others are different users unable to work, as far as we can
 * tell), never above the active mailboxes. A failure without `affected` is evidence of one mailbox:
 * the probe's own. No active mailboxes: nobody is unusable, so no minutes.
 */
export function tenantFailureMinutes(
  obs: readonly Observation[],
  activeMailboxes: number,
  probes: readonly ProbeKind[] = AVAILABILITY_PROBES,
): number[] {
  if (activeMailboxes <= 0) return [];
  const seen = new Map<number, Map<ProbeKind, number>>();
  for (const o of obs) {
    if (o.ok || o.tenantId === null || !probes.includes(o.probe)) continue;
    const minute = minuteOf(o.at);
    let byProbe = seen.get(minute);
    if (!byProbe) seen.set(minute, (byProbe = new Map()));
    const affected = Math.max(1, o.affected ?? 1);
    byProbe.set(o.probe, Math.max(byProbe.get(o.probe) ?? 0, affected));
  }
  const failed: number[] = [];
  for (const [minute, byProbe] of seen) {
    const affected = Math.min(activeMailboxes, [...byProbe.values()].reduce((a, b) => a + b, 0));
    if (reachesUserShare(affected, activeMailboxes)) failed.push(minute);
  }
  return sorted(failed);
}

/** How many minutes of `bounds` have at least one sample of `probes`: the coverage, the evidence. */
export function measuredMinutes(obs: readonly Observation[], probes: readonly ProbeKind[], bounds: Interval): number {
  const minutes = new Set<number>();
  for (const o of obs) {
    if (probes.includes(o.probe) && o.at >= bounds.start && o.at < bounds.end) minutes.add(minuteOf(o.at));
  }
  return minutes.size;
}
