// Clock skew between a probe host and the database (issue 9, bad input "clock skew between probe
// hosts"). Pure: the writer measures, these decide. Samples from several hosts must line up on
// one clock, the database's, or one host's outage minute lands in another minute.

/**
 * The probe host's clock minus the database's, in whole ms. `sentAt` is the host's clock when the
 * query left, `rttMs` the round trip, `dbNowMs` what the database answered: the answer was read
 * on the database about half a round trip after the query left.
 */
export function measureSkew(sentAtMs: number, rttMs: number, dbNowMs: number): number {
  return Math.round(sentAtMs + rttMs / 2 - dbNowMs);
}

/** The skew to apply: 0 within the tolerance (network jitter is not skew), the skew beyond it. */
export function skewToApply(skewMs: number, toleranceMs: number): number {
  return Math.abs(skewMs) > toleranceMs ? skewMs : 0;
}

/** A host time moved onto the database's clock. */
export function onDatabaseClock(at: Date, skewMs: number): Date {
  return new Date(at.getTime() - skewMs);
}

/** The UTC day of an instant, as the SampleDigest key ("2026-11-27"). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
