import { withConnection } from "./line-connection";
import { newProbeToken, PROBE_TOKEN_HEADER, takeByToken } from "./pop3-take";
import { ProbeReplyError, runProbe, sendMessage, smtpStep } from "./probe-steps";
import type { MailTarget, ProbeCredentials, ProbeResult } from "./probe.types";
import { openSubmission } from "./submission.probe";
import { clock } from "@/server/shared/clock";

const POLL_MS = 500;

export type E2eOptions = ProbeCredentials & { submission: MailTarget; pop3: MailTarget; timeoutMs: number; pollMs?: number };

/**
 * End to end (issue 9 §2): a message with a unique token through submission to the probe
 * mailbox itself, then POP3 every 500 ms until it is there; it is deleted once found.
 * Latency = from the start of the submission to the poll that found it readable.
 */
export function probeE2e(opts: E2eOptions): Promise<ProbeResult> {
  return runProbe(async () => {
    const token = newProbeToken();
    const started = performance.now();
    const deadline = started + opts.timeoutMs;
    const left = () => Math.max(1, Math.round(deadline - performance.now()));
    await withConnection(opts.submission, left(), async (c) => {
      await openSubmission(c, opts);
      await smtpStep(c, `MAIL FROM:<${opts.address}>`, 250);
      await smtpStep(c, `RCPT TO:<${opts.address}>`, 250);
      await smtpStep(c, "DATA", 354);
      const message = [`From: <${opts.address}>`, `To: <${opts.address}>`, `Subject: SLA end-to-end probe ${token}`, `Date: ${clock.now().toUTCString()}`, `Message-ID: <${token}@sla-probe.invalid>`, `${PROBE_TOKEN_HEADER}: ${token}`, "", "Mailstead SLA probe: deleted as soon as it arrives."].join("\r\n");
      const reply = await sendMessage(c, message);
      if (reply.code !== 250) throw new ProbeReplyError(`the reply to the message: expected 250, got ${reply.text.slice(0, 300)}`);
      await smtpStep(c, "QUIT", 221);
    });
    for (;;) {
      const polled = performance.now();
      if ((await takeByToken(opts.pop3, opts, token, left())).length > 0) return { latencyMs: polled - started };
      if (performance.now() + (opts.pollMs ?? POLL_MS) >= deadline) throw new Error(`timed out after ${opts.timeoutMs} ms waiting for the message to be readable over POP3`);
      await new Promise((r) => setTimeout(r, opts.pollMs ?? POLL_MS));
    }
  });
}
