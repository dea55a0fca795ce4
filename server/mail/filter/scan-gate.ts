// At most `limit` messages are with rspamd at once; the rest wait here, first come first served.
//
// Why: rspamd hands every message it is not sure of to SpamAssassin, whose few Perl children
// take 0.1–0.3 s each. Without a bound, a burst of 50 connections put 50 messages in spamd's
// queue at once, the last waited longer than rspamd's 6 s × 2 tries, and was answered 451
// (docs/benchmarks.md, "Accept with SpamAssassin"). A queue here costs nothing but the wait: an
// SMTP client waits minutes for the DATA reply (RFC 5321 §4.5.3.2.6: 10 minutes).
//
// A message that waits longer than `maxWaitMs` is deferred with ScanQueueTimeout (451 4.3.2,
// busy) rather than held: smtp-server drops a connection silent for its socket timeout (60 s),
// and the wait plus the scan itself (≤ rspamd's 14 s task timeout) must end before it.

import { clock } from "@/server/shared/clock";

export class ScanQueueTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`waited ${waitedMs} ms for a scanning slot`);
    this.name = "ScanQueueTimeout";
  }
}

type Waiter = { grant: () => void; timer: NodeJS.Timeout };

export type ScanGate = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Scans in progress and messages waiting (metrics, tests). */
  state(): { active: number; waiting: number };
};

export function createScanGate(limit: number, maxWaitMs: number, now: () => number = () => clock.now().getTime()): ScanGate {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`scan concurrency must be a positive integer, got ${limit}`);
  let active = 0;
  const queue: Waiter[] = [];

  const release = () => {
    const next = queue.shift();
    if (next) {
      // The slot passes straight to the next waiter: `active` stays the same.
      clearTimeout(next.timer);
      next.grant();
    } else active--;
  };

  const acquire = (): Promise<void> => {
    if (active < limit) {
      active++;
      return Promise.resolve();
    }
    const since = now();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new ScanQueueTimeout(now() - since));
        }, maxWaitMs),
      };
      queue.push(waiter);
    });
  };

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    state: () => ({ active, waiting: queue.length }),
  };
}
