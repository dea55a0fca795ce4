import type { Locale } from "./locale";

// Use cases throw DomainError; server/trpc/init.ts maps each code to one tRPC code, and the
// mail engine maps its own codes to SMTP replies. The message is safe to show to the caller.
export const DOMAIN_ERROR_CODES = [
  "BAD_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A refusal in both portal languages; the tRPC formatter sends the caller's. */
export type Localized = Record<Locale, string>;
/** Plain strings are English only: kept for logs, workers and tests, never for new refusals a person reads. */
export type ErrorText = string | Localized;

/** `say("Already taken", "已被占用")`: English first, as the code reads, then Chinese. */
export const say = (en: string, zhCN: string): Localized => ({ en, "zh-CN": zhCN });

const inLocale = (text: ErrorText, locale: Locale): string => (typeof text === "string" ? text : text[locale]);

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly text: ErrorText;
  readonly fieldTexts?: Record<string, ErrorText[]>;

  constructor(code: DomainErrorCode, message: ErrorText, fieldErrors?: Record<string, ErrorText[]>) {
    super(inLocale(message, "en"));
    this.name = "DomainError";
    this.code = code;
    this.text = message;
    this.fieldTexts = fieldErrors;
  }

  /** Field-level messages keyed by input path ("seats", "contact.email"), in English. */
  get fieldErrors(): Record<string, string[]> | undefined {
    return this.fieldErrorsIn("en");
  }

  messageIn(locale: Locale): string {
    return inLocale(this.text, locale);
  }

  fieldErrorsIn(locale: Locale): Record<string, string[]> | undefined {
    if (!this.fieldTexts) return undefined;
    return Object.fromEntries(Object.entries(this.fieldTexts).map(([path, texts]) => [path, texts.map((t) => inLocale(t, locale))]));
  }
}

const NOT_FOUND_ZH: Record<string, string> = {
  Domain: "域名",
  Tenant: "企业",
  "DKIM key": "DKIM 密钥",
  Department: "部门",
  Mailbox: "邮箱",
  "Mailing list": "邮件列表",
  Import: "导入任务",
  "Billing run": "计费批次",
  Export: "导出任务",
  Order: "订单",
  Plan: "套餐",
  "Scheduled change": "预约变更",
  "SLA credit": "补偿记录",
};

/** "Domain not found" / "域名不存在"; an unknown noun keeps the English word in the Chinese sentence. */
export const notFound = (what: string) => new DomainError("NOT_FOUND", say(`${what} not found`, `${NOT_FOUND_ZH[what] ?? what}不存在`));
