import type { IncidentView } from "@/server/sla/incidents/incident.types";
import type { MaintenanceView } from "@/server/sla/maintenance/maintenance.types";

// The order operators read the calendar and the incidents in: what still needs attention first.

type Window = Pick<MaintenanceView, "startsAt" | "endsAt">;
type Incident = Pick<IncidentView, "startsAt" | "endsAt">;

/** Windows not over yet, soonest first; then past ones, latest first. */
export function orderWindows<W extends Window>(windows: readonly W[], now: Date): W[] {
  const upcoming = windows.filter((w) => w.endsAt.getTime() > now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = windows.filter((w) => w.endsAt.getTime() <= now.getTime()).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return [...upcoming, ...past];
}

/** Open incidents first, then closed ones; latest start first within each. */
export function orderIncidents<I extends Incident>(incidents: readonly I[]): I[] {
  const latest = (a: I, b: I) => b.startsAt.getTime() - a.startsAt.getTime();
  return [...incidents.filter((i) => i.endsAt === null).sort(latest), ...incidents.filter((i) => i.endsAt !== null).sort(latest)];
}

/** Whether a window may still be cancelled (the server's rule: not begun, not cancelled). */
export const cancellable = (w: Pick<MaintenanceView, "status" | "startsAt">, now: Date): boolean => w.status === "scheduled" && w.startsAt.getTime() > now.getTime();
