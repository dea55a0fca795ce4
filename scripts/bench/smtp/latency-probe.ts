// The end-to-end probe of `npm run bench:smtp`, run as its own process: sends messages through the
// engine's MX at a steady `rate` for `seconds` (each at its scheduled time, on the next free one
// of `connections` kept connections — enough that a slow transaction does not delay the next),
// and meanwhile polls the mailbox over POP3S the way a mail client that leaves mail on the server
// does: log in, UIDL, RETR what it has not seen (pipelined), QUIT. A POP3 session sees the
// maildrop as it was at login, so each poll is a new session. (Not deleting keeps the poll from
// making the engine expunge files and rows at each QUIT, so the poll cycle stays short.) A message's latency runs from the 250 after
// its DATA to the moment its RETR completed; each carries its tag in a header. The poll cycle
// bounds the resolution, so its length is printed too. Prints one JSON line (LatencyResult).
import { parseArgs } from "node:util";
import { headerValue, Pop3Client } from "./pop3-client";
import { benchMessage, SmtpClient } from "./smtp-client";
import { quantile } from "./stats";
import { sleep } from "./processes";

export type LatencyResult = {
  sent: number;
  acked: number;
  seen: number;
  missing: number;
  sendErrors: number;
  pollErrors: number;
  firstError?: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the 250 to the UIDL reply that first listed the message (RETR not yet done). */
  listedP50Ms: number;
  listedP99Ms: number;
  seenBeforeAck: number;
  pollCycleP50Ms: number;
  pollCycleP99Ms: number;
  sendLagP99Ms: number;
  seconds: number;
};

const { values } = parseArgs({
  options: {
    "mx-port": { type: "string" },
    "pop3s-port": { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
  },
});
const [mxPort, popPort, rate, seconds, connections] = [values["mx-port"], values["pop3s-port"], values.rate, values.seconds, values.connections].map(Number) as [number, number, number, number, number];
if (![mxPort, popPort, rate, seconds, connections].every((x) => Number.isInteger(x) && x > 0) || !values.user || !values.password) {
  console.error("usage: latency-probe --mx-port N --pop3s-port N --user U --password P [--rate 100] [--seconds 20] [--connections 16]");
  process.exit(2);
}
const user = values.user;
const password = values.password;
const total = rate * seconds;

const ackedAt = new Map<string, number>();
const seenAt = new Map<string, number>();
const firstListedAt = new Map<string, number>(); // when the UIDL that first listed it arrived
const sendLag: number[] = [];
const retrieved = new Set<string>(); // UIDs already read: the poller leaves mail on the server
const pollCycles: number[] = [];
let sendErrors = 0;
let pollErrors = 0;
let firstError: string | undefined;
const noteError = (e: unknown) => (firstError ??= e instanceof Error ? e.message : String(e));

/** Empties the maildrop first, so the probe's polls only meet its own messages. */
async function clearMaildrop(): Promise<void> {
  const c = await Pop3Client.open(popPort, user, password);
  await c.delePipelined([...(await c.uidl()).keys()]);
  await c.quit();
}

async function pollOnce(): Promise<void> {
  const c = await Pop3Client.open(popPort, user, password);
  try {
    const fresh = [...(await c.uidl())].filter(([, uid]) => !retrieved.has(uid));
    const listedAt = performance.now();
    await c.retrPipelined(fresh.map(([n]) => n), (_n, lines) => {
      const now = performance.now();
      const tag = headerValue(lines, "X-Bench-Tag");
      if (tag && !seenAt.has(tag)) {
        seenAt.set(tag, now);
        firstListedAt.set(tag, listedAt);
      }
    });
    for (const [, uid] of fresh) retrieved.add(uid);
    await c.quit();
  } catch (e) {
    c.close();
    throw e;
  }
}

async function poller(until: () => boolean): Promise<void> {
  while (!until()) {
    const t0 = performance.now();
    try {
      await pollOnce();
    } catch (e) {
      pollErrors++;
      noteError(e);
    }
    pollCycles.push(performance.now() - t0);
    await sleep(10);
  }
}

async function sender(t0: number): Promise<void> {
  const idle: SmtpClient[] = [];
  for (let i = 0; i < connections; i++) idle.push(await SmtpClient.open(mxPort));
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    while (idle.length === 0) await sleep(1);
    const c = idle.pop()!;
    sendLag.push(performance.now() - due);
    const tag = `e2e.${process.pid}.${i}`;
    inFlight.push(
      c.send(benchMessage(tag)).then(
        () => {
          ackedAt.set(tag, performance.now());
          idle.push(c);
        },
        async (e) => {
          sendErrors++;
          noteError(e);
          c.close();
          idle.push(await SmtpClient.open(mxPort).catch(() => c));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  await Promise.all(idle.map((c) => c.quit()));
}

await clearMaildrop();
const start = performance.now();
let sendingDone = false;
const pollDone = poller(() => sendingDone && [...ackedAt.keys()].every((t) => seenAt.has(t)));
await sender(start);
sendingDone = true;
// Give stragglers up to 10 s to show up, then stop polling whatever happened.
await Promise.race([pollDone, sleep(10_000)]);
sendingDone = true;
const latencies: number[] = [];
const listedLatencies: number[] = [];
let seenBeforeAck = 0;
for (const [tag, acked] of ackedAt) {
  const seen = seenAt.get(tag);
  if (seen === undefined) continue;
  if (seen < acked) seenBeforeAck++;
  latencies.push(Math.max(0, seen - acked));
  listedLatencies.push(Math.max(0, firstListedAt.get(tag)! - acked));
}
const result: LatencyResult = {
  sent: total,
  acked: ackedAt.size,
  seen: latencies.length,
  missing: ackedAt.size - latencies.length,
  sendErrors,
  pollErrors,
  ...(firstError ? { firstError } : {}),
  p50Ms: +quantile(latencies, 0.5).toFixed(1),
  p99Ms: +quantile(latencies, 0.99).toFixed(1),
  maxMs: +Math.max(...latencies).toFixed(1),
  listedP50Ms: +quantile(listedLatencies, 0.5).toFixed(1),
  listedP99Ms: +quantile(listedLatencies, 0.99).toFixed(1),
  seenBeforeAck,
  pollCycleP50Ms: +quantile(pollCycles, 0.5).toFixed(1),
  pollCycleP99Ms: +quantile(pollCycles, 0.99).toFixed(1),
  sendLagP99Ms: +quantile(sendLag, 0.99).toFixed(1),
  seconds: +((performance.now() - start) / 1000).toFixed(1),
};
console.log(JSON.stringify(result));
process.exit(0);
