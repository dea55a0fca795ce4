// One POP3 session at a time on the probe mailbox, in this process. POP3 lets one session hold a
// maildrop (RFC 1939 §8; the engine answers a second login "-ERR [IN-USE]" at once), and three
// probes log in to the same mailbox on their own schedules (the POP3 uptime probe, the end-to-end
// probe's polls, the labelled samples' checks): without turns they refuse each other, and each
// refusal would read as a platform outage. The wait for a turn is not part of any measurement.

let last: Promise<unknown> = Promise.resolve();

export function pop3Turn<T>(work: () => Promise<T>): Promise<T> {
  const mine = last.then(work, work);
  // The next turn waits for this one whatever its outcome.
  last = mine.then(
    () => undefined,
    () => undefined,
  );
  return mine;
}
