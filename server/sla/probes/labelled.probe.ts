import { deleteQuarantinedMessage } from "@/server/mail/quarantine/delete-quarantined-message";
import { db } from "@/server/shared/db";
import { withConnection } from "./line-connection";
import { newProbeToken, PROBE_TOKEN_HEADER, takeByToken } from "./pop3-take";
import { failureFlags, sendMessage, smtpStep, unknownUser } from "./probe-steps";
import type { MailTarget, ProbeResult } from "./probe.types";
import type { ProbeMailbox } from "./probe-mailbox";

// Labelled samples (issue 9 §3): a known spam, ham or virus through the MX to the probe mailbox,
// and what the filter made of it. The verdict comes from the SMTP reply (5xx rejected, 4xx
// deferred) and, after 250, from the quarantine or the message itself over POP3.

export type Label = "spam" | "ham" | "virus";
export type Verdict = "delivered" | "header" | "quarantined" | "rejected" | "deferred" | "error";
export type LabelledSample = { label: Label; source: string; bytes: Buffer; from: string };
export type LabelledOptions = { mx: MailTarget; pop3: MailTarget; mailbox: ProbeMailbox; timeoutMs: number };

// The system removes what it delivered to itself: no person acted.
const PROBE_ACTOR = { id: null, email: null, role: null, tenantId: null, ip: null };

/** Whether the filter did the right thing: spam and viruses caught, ham delivered untouched. */
export function verdictIsRight(label: Label, verdict: Verdict): boolean {
  if (label === "ham") return verdict === "delivered";
  return verdict === "rejected" || verdict === "quarantined" || (label === "spam" && verdict === "header");
}

async function send(opts: LabelledOptions, sample: LabelledSample, token: string): Promise<{ code: number; text: string }> {
  return withConnection(opts.mx, opts.timeoutMs, async (c) => {
    await smtpStep(c, null, 220);
    await smtpStep(c, "EHLO sla-probe.invalid", 250);
    await smtpStep(c, `MAIL FROM:<${sample.from}>`, 250);
    await smtpStep(c, `RCPT TO:<${opts.mailbox.address}>`, 250, unknownUser);
    await smtpStep(c, "DATA", 354);
    const reply = await sendMessage(c, Buffer.concat([Buffer.from(`${PROBE_TOKEN_HEADER}: ${token}\r\n`), sample.bytes]));
    c.write("QUIT\r\n");
    return reply;
  });
}

/** What became of a message the MX accepted: quarantined (entry deleted) or delivered (DELE'd). */
async function settle(opts: LabelledOptions, queueId: string | null, token: string): Promise<{ verdict: Verdict; score?: number }> {
  const held = queueId ? await db.quarantineItem.findFirst({ where: { mailboxId: opts.mailbox.mailboxId, messageId: queueId } }) : null;
  if (held) {
    await deleteQuarantinedMessage(PROBE_ACTOR, { tenantId: opts.mailbox.tenantId, mailboxId: opts.mailbox.mailboxId }, held.id.toString());
    return { verdict: "quarantined", ...(held.score === null ? {} : { score: held.score }) };
  }
  const [head] = await takeByToken(opts.pop3, opts.mailbox, token, opts.timeoutMs);
  if (!head) throw new Error(`accepted as ${queueId ?? "?"} but neither quarantined nor in the mailbox`);
  const score = head.map((l) => /^X-Spam-Score:\s*(-?[\d.]+)/i.exec(l)).find(Boolean)?.[1];
  return { verdict: head.some((l) => /^X-Spam:\s*Yes/i.test(l)) ? "header" : "delivered", ...(score ? { score: Number(score) } : {}) };
}

export async function probeLabelled(opts: LabelledOptions, sample: LabelledSample): Promise<ProbeResult> {
  const token = newProbeToken();
  const started = performance.now();
  let verdict: Verdict = "error";
  let score: number | undefined;
  let error: string | null = null;
  let flags: Pick<ProbeResult, "suspectMailbox" | "inconclusive"> = {};
  try {
    const reply = await send(opts, sample, token);
    if (reply.code >= 500) verdict = "rejected";
    else if (reply.code >= 400) verdict = "deferred";
    else if (reply.code === 250) ({ verdict, score } = await settle(opts, /queued as (\S+)/.exec(reply.text)?.[1] ?? null, token));
    else throw new Error(`the reply to the message: unexpected ${reply.text.slice(0, 300)}`);
    if (verdict === "deferred" || verdict === "rejected") error = `the MX answered ${reply.text.slice(0, 300)}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    flags = failureFlags(e);
  }
  const ok = verdictIsRight(sample.label, verdict);
  const detail = { label: sample.label, source: sample.source, verdict, ...(score === undefined ? {} : { score }) };
  return {
    ok,
    latencyMs: verdict === "error" ? null : Math.round(performance.now() - started),
    error: ok ? null : (error ?? `${sample.label} ${verdict}`),
    detail,
    ...flags,
  };
}
