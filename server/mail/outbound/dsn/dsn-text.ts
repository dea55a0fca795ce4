import { rfc5322Date } from "@/server/mail/smtp/received-header";
import type { DsnKind, TDsnRecipient } from "./send-dsn.types";

// The human-readable part of a DSN (RFC 3464 §2.1: the first part of multipart/report), in
// English and then Chinese, as the platform's users read both. Plain text, UTF-8.

export type DsnOriginalSummary = { queueId: string; subject: string; receivedAt: Date };

const oneLine = (s: string) => s.replace(/[\x00-\x1f\x7f]+/g, " ").trim();

/** The latest retry deadline among delayed recipients, if any was given. */
export function retryUntil(recipients: readonly TDsnRecipient[]): Date | null {
  const times = recipients.flatMap((r) => (r.willRetryUntil ? [r.willRetryUntil.getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : null;
}

function recipientLines(r: TDsnRecipient, zh: boolean): string[] {
  const said = r.diagnostic ? oneLine(r.diagnostic) : "";
  const head = `<${r.recipient}>`;
  if (r.remoteMta && said) return [zh ? `${head}：对方服务器 ${r.remoteMta} 答复：` : `${head}: the server ${r.remoteMta} said:`, `    ${said}`];
  if (said) return [zh ? `${head}：${said}` : `${head}: ${said}`];
  return [zh ? `${head}：状态 ${r.status}` : `${head}: status ${r.status}`];
}

export function dsnHumanText(input: { kind: DsnKind; hostname: string; original: DsnOriginalSummary; recipients: readonly TDsnRecipient[] }): string {
  const { kind, hostname, original, recipients } = input;
  const until = retryUntil(recipients);
  const subject = oneLine(original.subject) || "(no subject)";
  const sent = rfc5322Date(original.receivedAt);
  const en = [
    `This is the mail system at ${hostname}.`,
    "",
    ...(kind === "failed"
      ? ["Your message could not be delivered to the recipients below, and the mail", "system has stopped trying. The header of your message is attached."]
      : [
          "Your message has not yet been delivered to the recipients below.",
          until ? `The mail system will keep trying until ${rfc5322Date(until)} (UTC);` : "The mail system will keep trying;",
          "you do not need to send it again. If it still cannot be delivered, you",
          "will receive another notice.",
        ]),
    "",
    `  Subject:   ${subject}`,
    `  Sent:      ${sent}`,
    `  Queue ID:  ${original.queueId}`,
    "",
    ...recipients.flatMap((r) => recipientLines(r, false)),
  ];
  const zh = [
    `这是 ${hostname} 的邮件系统。`,
    "",
    ...(kind === "failed"
      ? ["您的邮件无法投递给以下收件人，系统已停止尝试（退信）。原邮件的信头附在本通知中。"]
      : [
          "您的邮件暂时未能投递给以下收件人。",
          until ? `系统将继续尝试投递，直到 ${rfc5322Date(until)}（UTC）；您无需重新发送。` : "系统将继续尝试投递；您无需重新发送。",
          "如仍无法投递，您将收到另一封通知。",
        ]),
    "",
    `  邮件主题：${subject === "(no subject)" ? "（无主题）" : subject}`,
    `  发送时间：${sent}`,
    `  队列编号：${original.queueId}`,
    "",
    ...recipients.flatMap((r) => recipientLines(r, true)),
  ];
  return [...en, "", "--", "", ...zh, ""].join("\r\n");
}
