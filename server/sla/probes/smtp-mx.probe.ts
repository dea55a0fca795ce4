import { withConnection } from "./line-connection";
import { runProbe, smtpStep, unknownUser } from "./probe-steps";
import type { MailTarget, ProbeOptions, ProbeResult } from "./probe.types";

/**
 * The MX listener as a sending server sees it: banner 220, EHLO, a null sender, RCPT to the
 * probe mailbox (250 means the recipient lookups work end to end), RSET, QUIT. No message.
 */
export function probeSmtpMx(target: MailTarget, opts: ProbeOptions & { rcpt: string; helo?: string }): Promise<ProbeResult> {
  return runProbe(() =>
    withConnection(target, opts.timeoutMs, async (c) => {
      await smtpStep(c, null, 220);
      await smtpStep(c, `EHLO ${opts.helo ?? "sla-probe.invalid"}`, 250);
      await smtpStep(c, "MAIL FROM:<>", 250);
      await smtpStep(c, `RCPT TO:<${opts.rcpt}>`, 250, unknownUser);
      await smtpStep(c, "RSET", 250);
      await smtpStep(c, "QUIT", 221);
    }),
  );
}
