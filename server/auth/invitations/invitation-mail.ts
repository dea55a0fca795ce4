export type InvitationMailInput = {
  to: string;
  name: string;
  /** The organisation the account belongs to (the client company or the reseller). */
  organisation: string;
  /** Who invited: the reseller's or the platform's name. */
  invitedBy: string;
  link: string;
  expiresAt: Date;
};

// Both languages in one letter: the invitee has not chosen a language yet. Shanghai time, the
// zone the seeds' customers read.
const shanghai = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }).format(d);

/** The invitation letter: plain text, the link on its own line so every mail client makes it clickable. */
export function invitationMail(m: InvitationMailInput): { subject: string; text: string } {
  const until = shanghai(m.expiresAt);
  return {
    subject: `邀请您开通 ${m.organisation} 的企业邮箱管理账号 / Your Mailstead account for ${m.organisation}`,
    text: [
      `${m.name}，您好：`,
      "",
      `${m.invitedBy} 为 ${m.organisation} 开通了企业邮箱管理账号（${m.to}）。请在 ${until}（北京时间）前打开下面的链接设置密码：`,
      "",
      m.link,
      "",
      "链接只能使用一次。如果这不是您预期的邮件，请忽略它。",
      "",
      "----",
      "",
      `Hello ${m.name},`,
      "",
      `${m.invitedBy} has opened an administrator account (${m.to}) for ${m.organisation}. Open this link to choose your password before ${until} (Beijing time):`,
      "",
      m.link,
      "",
      "The link works once. If you did not expect this e-mail, ignore it.",
    ].join("\n"),
  };
}
