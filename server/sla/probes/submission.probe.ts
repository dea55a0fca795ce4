import { withConnection, type LineConnection } from "./line-connection";
import { authPlain, refusedLogin, runProbe, smtpStep } from "./probe-steps";
import type { MailTarget, ProbeCredentials, ProbeOptions, ProbeResult } from "./probe.types";

/** Greeting, EHLO, STARTTLS, EHLO again, AUTH PLAIN as the probe mailbox: a logged-in session. */
export async function openSubmission(c: LineConnection, who: ProbeCredentials): Promise<void> {
  await smtpStep(c, null, 220);
  await smtpStep(c, "EHLO sla-probe.invalid", 250);
  await smtpStep(c, "STARTTLS", 220);
  await c.startTls();
  await smtpStep(c, "EHLO sla-probe.invalid", 250);
  await smtpStep(c, authPlain(who.address, who.password), 235, refusedLogin);
}

/** Submission as a mail client uses it: STARTTLS, AUTH, MAIL FROM the account, RSET, QUIT. */
export function probeSubmission(target: MailTarget, opts: ProbeOptions & ProbeCredentials): Promise<ProbeResult> {
  return runProbe(() =>
    withConnection(target, opts.timeoutMs, async (c) => {
      await openSubmission(c, opts);
      await smtpStep(c, `MAIL FROM:<${opts.address}>`, 250);
      await smtpStep(c, "RSET", 250);
      await smtpStep(c, "QUIT", 221);
    }),
  );
}
