import { withConnection, type LineConnection } from "./line-connection";
import { pop3Step, runProbe } from "./probe-steps";
import { pop3Turn } from "./pop3-turns";
import type { MailTarget, ProbeCredentials, ProbeOptions, ProbeResult } from "./probe.types";

/** Greeting, STLS, USER/PASS as the probe mailbox (a refused PASS may mean the mailbox is gone). */
export async function openPop3(c: LineConnection, who: ProbeCredentials): Promise<void> {
  await pop3Step(c, null);
  await pop3Step(c, "STLS");
  await c.startTls();
  await pop3Step(c, `USER ${who.address}`);
  await pop3Step(c, `PASS ${who.password}`, true);
}

/** POP3 as a mail client uses it: STLS, login, STAT, QUIT. */
export function probePop3(target: MailTarget, opts: ProbeOptions & ProbeCredentials): Promise<ProbeResult> {
  // The turn is taken outside the timing: waiting for another probe is not the service's latency.
  return pop3Turn(() =>
    runProbe(() =>
      withConnection(target, opts.timeoutMs, async (c) => {
        await openPop3(c, opts);
        await pop3Step(c, "STAT");
        await pop3Step(c, "QUIT");
      }),
    ),
  );
}
