import { formatFen } from "@/server/shared/money";

// The balance reminder e-mail, Chinese first then English (the seeds' customers read Chinese;
// a foreign administrator still understands it). Plain text: it reads the same in every client.

export type ReminderFacts = {
  tenantName: string;
  /** The balance in fen. */
  balance: number;
  currency: string;
  /** The first unpaid day, 'YYYY-MM-DD' in the tenant's calendar. */
  runsOutDay: string;
  /** The last paid day, or null when the balance cannot pay even the next month. */
  paidThroughDay: string | null;
  daysLeft: number;
  /** Where to top up: `${PUBLIC_URL}/console/billing`. */
  billingUrl: string;
};

export function billingUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/console/billing`;
}

export function composeReminderMail(f: ReminderFacts): { subject: string; text: string } {
  const money = formatFen(f.balance, f.currency);
  const days = f.daysLeft === 1 ? "1 day" : `${f.daysLeft} days`;
  const subject = `【Mailstead】余额将于 ${f.runsOutDay} 用尽，还剩 ${f.daysLeft} 天 / Your balance runs out on ${f.runsOutDay} (${days} left)`;
  const zhPaid = f.paidThroughDay ? `，可支付服务至 ${f.paidThroughDay}` : "";
  const enPaid = f.paidThroughDay ? `; it pays for the service through ${f.paidThroughDay}` : "";
  const text = [
    `${f.tenantName} 的管理员，您好：`,
    "",
    `贵企业的预存余额为 ${money}${zhPaid}。自 ${f.runsOutDay} 起余额将不足以支付当月月费（还剩 ${f.daysLeft} 天），届时服务将暂停，邮件将停止收发。`,
    "",
    "请在此之前充值：",
    f.billingUrl,
    "",
    "如已充值，请忽略本邮件。",
    "",
    "----------------------------------------",
    "",
    `Hello ${f.tenantName} administrator,`,
    "",
    `Your prepaid balance is ${money}${enPaid}. From ${f.runsOutDay} it cannot pay the monthly fee (${days} left): the service will then be suspended and mail will stop.`,
    "",
    "Please top up before then:",
    f.billingUrl,
    "",
    "If you have already topped up, please ignore this message.",
  ].join("\n");
  return { subject, text };
}
