import { withConnection } from "./line-connection";
import { openPop3 } from "./pop3.probe";
import { pop3Lines, pop3Step } from "./probe-steps";
import type { MailTarget, ProbeCredentials } from "./probe.types";

/** The header every message a probe sends carries, so the probe finds exactly its own message. */
export const PROBE_TOKEN_HEADER = "X-Mailstead-Probe";

/**
 * Logs in to the probe mailbox, looks at every message's header (TOP n 0) for `token`, deletes
 * the ones that carry it (DELE, committed by QUIT) and returns their header lines; [] when the
 * message is not (yet) there. Other probes' messages are left alone: runs may overlap.
 */
export async function takeByToken(target: MailTarget, who: ProbeCredentials, token: string, timeoutMs: number): Promise<string[][]> {
  return withConnection(target, timeoutMs, async (c) => {
    await openPop3(c, who);
    await pop3Step(c, "LIST");
    const numbers = (await pop3Lines(c, "the LIST answer")).map((l) => l.split(" ")[0]!);
    const found: string[][] = [];
    const mark = `${PROBE_TOKEN_HEADER.toLowerCase()}: ${token.toLowerCase()}`;
    for (const n of numbers) {
      await pop3Step(c, `TOP ${n} 0`);
      const head = await pop3Lines(c, "the TOP answer");
      if (!head.some((l) => l.toLowerCase() === mark)) continue;
      await pop3Step(c, `DELE ${n}`);
      found.push(head);
    }
    await pop3Step(c, "QUIT");
    return found;
  });
}
