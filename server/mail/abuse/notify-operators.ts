import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";

const log = logger("abuse");
// sendMail takes at most 100 recipients per message (mailer.ts).
const BATCH = 100;

/**
 * E-mails every active operator about an alert. Never throws: the alert row is the record and
 * the operators' console shows it; the e-mail is a nudge, and the engine must not wait for it
 * or fail an SMTP reply because of it, so callers fire it and go on (`void notifyOperators(…)`).
 */
export async function notifyOperators(mail: { subject: string; text: string }): Promise<{ sent: number }> {
  try {
    const operators = await db.user.findMany({ where: { role: "operator", status: "active" }, select: { email: true }, orderBy: { email: "asc" } });
    const to = operators.map((o) => o.email);
    if (to.length === 0) {
      log.warn("no active operator to e-mail an alert to", { subject: mail.subject });
      return { sent: 0 };
    }
    for (let i = 0; i < to.length; i += BATCH) await sendMail({ to: to.slice(i, i + BATCH), subject: mail.subject, text: mail.text });
    return { sent: to.length };
  } catch (error) {
    log.error("could not e-mail the operators an alert", { subject: mail.subject, error: error instanceof Error ? error.message : String(error) });
    return { sent: 0 };
  }
}
