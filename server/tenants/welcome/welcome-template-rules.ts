import { say, type Localized } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";

// The welcome letter's template language: `{{name}}` placeholders in a plain-text subject and
// body, nothing else (no loops, no conditions, no HTML). Pure.

export const PLACEHOLDERS = ["displayName", "address", "company", "webmailUrl", "selfServiceUrl", "pop3Host", "imapHost", "smtpHost"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type LetterValues = Record<Placeholder, string>;

export const SUBJECT_MAX_LENGTH = 200;
/** The body in UTF-8 bytes (a Chinese character is 3). */
export const BODY_MAX_BYTES = 20 * 1024;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** The placeholder names a text uses that are not in PLACEHOLDERS, each once, in order. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(TOKEN)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !KNOWN.has(n)))];
}

/**
 * A value as it may appear in a plain-text letter: control characters (line breaks included)
 * become spaces, so a display name cannot add lines to the body or a header to the subject.
 */
export function plainValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** Fills the placeholders; an unknown one is left as written (saving refuses it anyway). */
export function renderText(text: string, values: LetterValues): string {
  return text.replace(TOKEN, (whole, name: string) => (KNOWN.has(name) ? plainValue(values[name as Placeholder]) : whole));
}

export function renderLetter(template: { subject: string; body: string }, values: LetterValues): { subject: string; text: string } {
  // The subject is one header line: any line break left from the template itself goes too.
  return { subject: plainValue(renderText(template.subject, values)), text: renderText(template.body, values) };
}

/** Field errors of a template the admin wants to save, bilingual; empty when it can be saved. */
export function templateProblems(subject: string, body: string): Record<string, Localized[]> {
  const problems: Record<string, Localized[]> = {};
  const add = (field: string, text: Localized) => (problems[field] ??= []).push(text);
  if (subject.trim() === "") add("subject", say("Enter a subject", "请输入邮件主题"));
  if ([...subject].length > SUBJECT_MAX_LENGTH) add("subject", say(`At most ${SUBJECT_MAX_LENGTH} characters`, `主题最多 ${SUBJECT_MAX_LENGTH} 个字符`));
  if (/[\r\n]/.test(subject)) add("subject", say("The subject is one line", "主题不能换行"));
  if (body.trim() === "") add("body", say("Enter the letter's text", "请输入邮件正文"));
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > BODY_MAX_BYTES) {
    add("body", say(`At most 20 KB (this is ${(bytes / 1024).toFixed(1)} KB)`, `正文最多 20 KB（当前 ${(bytes / 1024).toFixed(1)} KB）`));
  }
  for (const [field, text] of [["subject", subject], ["body", body]] as const) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length === 0) continue;
    const names = unknown.map((n) => `{{${n}}}`).join(", ");
    add(field, say(`Unknown placeholder ${names}; use one of: ${PLACEHOLDERS.join(", ")}`, `未知的占位符 ${names}；可用：${PLACEHOLDERS.join("、")}`));
  }
  return problems;
}

/** The letter a tenant sends until its admin edits it (no row stored); Chinese unless asked. */
export const DEFAULT_TEMPLATES: Record<Locale, { subject: string; body: string }> = {
  "zh-CN": {
    subject: "欢迎使用 {{company}} 企业邮箱",
    body: `{{displayName}}，您好！

{{company}} 已为您开通企业邮箱：{{address}}

· 网页邮箱：{{webmailUrl}}
· 修改密码、查看容量和别名：{{selfServiceUrl}}（选择“邮箱用户”登录）
· 邮件客户端（Outlook、Foxmail、手机邮件等）：
  收信服务器 POP3：{{pop3Host}}（SSL 端口 995）
  收信服务器 IMAP：{{imapHost}}（SSL 端口 993）
  发信服务器 SMTP：{{smtpHost}}（SSL 端口 465）
  用户名为完整邮箱地址。

初始密码由管理员另行告知，首次登录时请修改为您自己的密码。如有问题，请联系贵公司的邮箱管理员。

{{company}}
`,
  },
  en: {
    subject: "Welcome to your {{company}} mailbox",
    body: `Hello {{displayName}},

{{company}} has set up your company mailbox: {{address}}

- Webmail: {{webmailUrl}}
- Change your password, see your quota and aliases: {{selfServiceUrl}} (sign in as "Mailbox user")
- Mail apps (Outlook, Thunderbird, phone mail):
  Incoming POP3: {{pop3Host}} (SSL, port 995)
  Incoming IMAP: {{imapHost}} (SSL, port 993)
  Outgoing SMTP: {{smtpHost}} (SSL, port 465)
  Your user name is your full mailbox address.

Your administrator gives you the initial password separately; please change it to your own when you first sign in. For help, ask your company's mail administrator.

{{company}}
`,
  },
};
