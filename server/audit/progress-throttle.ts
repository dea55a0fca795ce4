/**
 * Passes a rising percentage on to `write` at most once per `intervalMs`, never going back
 * down, so a fast export does not turn into a database write per batch. Uses the monotonic
 * timer, not clock.ts: tests pin the business clock, which must not freeze the throttle.
 */
export function progressThrottle(write: (percent: number) => Promise<void>, intervalMs: number) {
  let last = -1;
  let lastAt = -Infinity;
  return async (percent: number): Promise<void> => {
    const p = Math.max(0, Math.min(100, Math.floor(percent)));
    const now = performance.now();
    if (p <= last || now - lastAt < intervalMs) return;
    last = p;
    lastAt = now;
    await write(p);
  };
}
