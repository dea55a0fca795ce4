export type ResetMailInput = { to: string; name: string; link: string; expiresAt: Date };

// Both languages in one letter, like the invitation: the person may be signed out of a portal
// whose language they never chose. Beijing time, the zone the seeds' customers read.
const shanghai = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }).format(d);

/** The password reset letter: plain text, the link on its own line so every mail client makes it clickable. */
export function resetMail(m: ResetMailInput): { subject: string; text: string } {
  const until = shanghai(m.expiresAt);
  return {
    subject: "重置您的 Mailstead 密码 / Reset your Mailstead password",
    text: [
      `${m.name}，您好：`,
      "",
      `有人请求重置账号 ${m.to} 的密码。如果是您本人，请在 ${until}（北京时间）前打开下面的链接设置新密码：`,
      "",
      m.link,
      "",
      "链接只能使用一次。设置新密码后，该账号在其他设备上的登录都会退出。如果不是您本人操作，请忽略本邮件，您的密码不会改变。",
      "",
      "----",
      "",
      `Hello ${m.name},`,
      "",
      `Someone asked to reset the password of ${m.to}. If it was you, open this link before ${until} (Beijing time) to choose a new password:`,
      "",
      m.link,
      "",
      "The link works once. Setting a new password signs the account out everywhere else. If it was not you, ignore this e-mail: your password stays as it is.",
    ].join("\n"),
  };
}
