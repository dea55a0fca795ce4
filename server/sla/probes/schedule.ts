import { logger } from "@/server/shared/logger";

const log = logger("sla.probes");

/** Up to 10 % of the interval (at most 5 s): probes of several hosts do not fire in lockstep. */
export const jitterMs = (intervalMs: number, random = Math.random) => Math.floor(random() * Math.min(intervalMs * 0.1, 5_000));

export type Schedule = { stop(): Promise<void> };

/**
 * Runs `work` every `intervalMs` (plus jitter), never overlapping itself: the next run is due
 * an interval after the previous one STARTED, or at once when it took longer than that.
 * stop() cancels the next run and waits for the one in flight. The first run comes after
 * `firstDelayMs` (plus jitter).
 */
export function every(name: string, intervalMs: number, work: () => Promise<unknown>, firstDelayMs = 0): Schedule {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    const started = performance.now();
    inFlight = work()
      .then(
        () => {},
        (e: unknown) => log.error("probe run failed", { probe: name, error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        if (stopped) return;
        const wait = Math.max(0, intervalMs - (performance.now() - started)) + jitterMs(intervalMs);
        timer = setTimeout(tick, wait);
      });
  };
  timer = setTimeout(tick, firstDelayMs + jitterMs(intervalMs));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
