import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";
import { platformDnsSettings } from "@/server/domains/rules/platform-settings";
import { letterValues } from "./letter-values";
import { DEFAULT_TEMPLATES, renderLetter } from "./welcome-template-rules";

const log = logger("welcome.letter");

export type WelcomeOutcome = "sent" | "already_sent" | "mailbox_gone" | "mailbox_disabled" | "tenant_frozen" | "template_disabled";

/**
 * The welcomeLetter job: sends one mailbox its tenant's welcome letter, once. Re-reads the rows
 * (the payload is only an id) and ends quietly when there is nothing to send. A MailerError
 * propagates so the queue retries (the worker stops retrying a permanent refusal).
 *
 * Once only as far as the database can tell: welcomeSentAt is set after the mail server
 * accepted, by a conditional update (only while still null), so the row records one sending.
 * The edge is at-least-once: a crash between the server's 250 and that update, or a stalled
 * job re-run while the first run is still sending, sends a second copy. A welcome letter twice
 * is harmless; claiming before sending would instead lose the letter on such a crash.
 */
export async function sendWelcomeLetter(mailboxId: string): Promise<WelcomeOutcome> {
  const mailbox = await db.mailbox.findUnique({
    where: { id: mailboxId },
    select: {
      address: true,
      displayName: true,
      status: true,
      welcomeSentAt: true,
      tenant: { select: { name: true, status: true, welcomeTemplate: { select: { enabled: true, subject: true, body: true } } } },
    },
  });
  if (!mailbox) return "mailbox_gone";
  if (mailbox.welcomeSentAt) return "already_sent";
  if (mailbox.status !== "active") return "mailbox_disabled";
  if (mailbox.tenant.status === "frozen") return "tenant_frozen";
  const template = mailbox.tenant.welcomeTemplate ?? { enabled: true, ...DEFAULT_TEMPLATES["zh-CN"] };
  if (!template.enabled) return "template_disabled";

  const values = letterValues(mailbox, mailbox.tenant.name, platformDnsSettings(), env().PUBLIC_URL);
  const { subject, text } = renderLetter(template, values);
  await sendMail({ to: [mailbox.address], subject, text });

  const marked = await db.mailbox.updateMany({ where: { id: mailboxId, welcomeSentAt: null }, data: { welcomeSentAt: clock.now() } });
  if (marked.count === 0) {
    log.warn("welcome letter sent by two runs at once", { mailboxId });
    return "already_sent";
  }
  return "sent";
}
