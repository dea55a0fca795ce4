// The letter sent when an account signs in from a network it never used before (issue 11 §5).
// Both languages in one letter, Beijing time, like the invitation: it may reach someone who
// never chose a language.

export type NewNetworkMailInput = { name: string; account: string; ip: string; network: string; at: Date; channel: string };

const shanghai = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "medium" }).format(d);

const CHANNEL_ZH: Record<string, string> = { web: "管理后台", self_service: "邮箱自助服务", smtp: "邮件客户端（SMTP）", pop3: "邮件客户端（POP3）" };
const CHANNEL_EN: Record<string, string> = { web: "the portal", self_service: "mailbox self-service", smtp: "a mail client (SMTP)", pop3: "a mail client (POP3)" };

export function newNetworkMail(m: NewNetworkMailInput): { subject: string; text: string } {
  const when = shanghai(m.at);
  return {
    subject: `新网络登录提醒 / Sign-in from a new network: ${m.account}`,
    text: [
      `${m.name}，您好：`,
      "",
      `您的账号 ${m.account} 于 ${when}（北京时间）从一个从未使用过的网络登录了${CHANNEL_ZH[m.channel] ?? m.channel}：`,
      `IP 地址：${m.ip}（网段 ${m.network}）`,
      "",
      "如果这是您本人，请忽略此邮件。如果不是，请立即修改密码，并联系您的管理员。",
      "",
      "----",
      "",
      `Hello ${m.name},`,
      "",
      `Your account ${m.account} signed in to ${CHANNEL_EN[m.channel] ?? m.channel} at ${when} (Beijing time) from a network it had never used:`,
      `IP address: ${m.ip} (network ${m.network})`,
      "",
      "If this was you, ignore this e-mail. If not, change your password now and tell your administrator.",
    ].join("\n"),
  };
}
