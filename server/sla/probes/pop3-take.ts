import { randomUUID } from "node:crypto";
import { clock } from "@/server/shared/clock";
import { withConnection } from "./line-connection";
import { openPop3 } from "./pop3.probe";
import { pop3Turn } from "./pop3-turns";
import { pop3Lines, pop3Step } from "./probe-steps";
import type { MailTarget, ProbeCredentials } from "./probe.types";

/** The header every message a probe sends carries, so the probe finds exactly its own message. */
export const PROBE_TOKEN_HEADER = "X-Mailstead-Probe";

/** A message a probe never came back for (it timed out first) is swept after this long. */
export const STALE_PROBE_MESSAGE_MS = 60 * 60_000;

/** A token that also says when it was made (base-36 ms, then a random part): stale ones can be swept. */
export const newProbeToken = (): string => `${clock.now().getTime().toString(36)}-${randomUUID()}`;

const madeAt = (token: string): number | null => {
  const ms = parseInt(token.split("-")[0] ?? "", 36);
  return Number.isFinite(ms) ? ms : null;
};

/**
 * Logs in to the probe mailbox, looks at every message's header (TOP n 0) for `token`, deletes
 * the ones that carry it (DELE, committed by QUIT) and returns their header lines; [] when the
 * message is not (yet) there. Other probes' messages are left alone (their runs are in flight),
 * unless their token is older than STALE_PROBE_MESSAGE_MS: a run that gave up leaves its message,
 * and the mailbox must not fill up with them.
 */
export async function takeByToken(target: MailTarget, who: ProbeCredentials, token: string, timeoutMs: number): Promise<string[][]> {
  return pop3Turn(() => take(target, who, token, timeoutMs));
}

function take(target: MailTarget, who: ProbeCredentials, token: string, timeoutMs: number): Promise<string[][]> {
  const staleBefore = clock.now().getTime() - STALE_PROBE_MESSAGE_MS;
  const prefix = `${PROBE_TOKEN_HEADER.toLowerCase()}: `;
  return withConnection(target, timeoutMs, async (c) => {
    await openPop3(c, who);
    await pop3Step(c, "LIST");
    const numbers = (await pop3Lines(c, "the LIST answer")).map((l) => l.split(" ")[0]!);
    const found: string[][] = [];
    const mark = `${PROBE_TOKEN_HEADER.toLowerCase()}: ${token.toLowerCase()}`;
    for (const n of numbers) {
      await pop3Step(c, `TOP ${n} 0`);
      const head = await pop3Lines(c, "the TOP answer");
      const tokenLine = head.find((l) => l.toLowerCase().startsWith(prefix));
      const other = tokenLine ? madeAt(tokenLine.slice(prefix.length).trim()) : null;
      if (tokenLine?.toLowerCase() === mark) found.push(head);
      else if (other === null || other >= staleBefore) continue;
      await pop3Step(c, `DELE ${n}`);
    }
    await pop3Step(c, "QUIT");
    return found;
  });
}
