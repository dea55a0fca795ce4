import { say, type Localized } from "@/server/shared/errors";
import type { SecurityPolicyValues } from "./security-policy";

// The bounds of every security-policy knob and the field errors of a policy that breaks them.
// Pure: the settings pages run the same rules as the admin types, the use case runs them again
// before it writes. The bounds keep each knob where it still protects something (a lockout after
// 3–50 failures, not after 1 or 10,000) and where a person can still work (idle ≥ 5 minutes).

export type NumericKnob = Exclude<keyof SecurityPolicyValues, "webDefault" | "mailDefault" | "totpPolicy">;

export const POLICY_BOUNDS: Readonly<Record<NumericKnob, { min: number; max: number }>> = Object.freeze({
  passwordMinLength: { min: 6, max: 64 },
  passwordMaxLength: { min: 6, max: 64 },
  passwordMinClasses: { min: 1, max: 4 },
  passwordHistory: { min: 0, max: 24 },
  // 0 = never expires; otherwise 30–365 (see MAX_AGE_FLOOR).
  passwordMaxAgeDays: { min: 0, max: 365 },
  passwordReminderDays: { min: 0, max: 364 },
  lockoutThreshold: { min: 3, max: 50 },
  lockoutWindowMinutes: { min: 1, max: 1440 },
  lockoutMinutes: { min: 1, max: 1440 },
  sessionIdleMinutes: { min: 5, max: 480 },
  sessionAbsoluteHours: { min: 1, max: 72 },
});

/** A periodic change more often than monthly only teaches people to write passwords down. */
export const MAX_AGE_FLOOR = 30;

export const NUMERIC_KNOBS = Object.keys(POLICY_BOUNDS) as NumericKnob[];

export const KNOB_LABELS: Record<keyof SecurityPolicyValues, Localized> = {
  passwordMinLength: say("Minimum length", "最短长度"),
  passwordMaxLength: say("Maximum length", "最长长度"),
  passwordMinClasses: say("Character classes", "字符类别数"),
  passwordHistory: say("Remembered passwords", "不可重复使用的历史密码数"),
  passwordMaxAgeDays: say("Password lifetime (days)", "密码有效期（天）"),
  passwordReminderDays: say("Reminder before expiry (days)", "到期前提醒（天）"),
  lockoutThreshold: say("Failed attempts before lockout", "锁定前允许的失败次数"),
  lockoutWindowMinutes: say("Counting window (minutes)", "失败计数时间窗（分钟）"),
  lockoutMinutes: say("Lock duration (minutes)", "锁定时长（分钟）"),
  webDefault: say("Web portal default", "网页登录默认规则"),
  mailDefault: say("Mail client default", "邮件客户端默认规则"),
  totpPolicy: say("Second factor", "二次验证"),
  sessionIdleMinutes: say("Idle timeout (minutes)", "空闲超时（分钟）"),
  sessionAbsoluteHours: say("Absolute timeout (hours)", "会话最长时长（小时）"),
};

export type PolicyFieldErrors = Partial<Record<keyof SecurityPolicyValues, Localized[]>>;

const add = (errors: PolicyFieldErrors, field: keyof SecurityPolicyValues, text: Localized) => void (errors[field] ??= []).push(text);

const between = (field: NumericKnob, min: number, max: number): Localized =>
  say(`${KNOB_LABELS[field].en} must be a whole number from ${min} to ${max}`, `${KNOB_LABELS[field]["zh-CN"]}须为 ${min} 到 ${max} 之间的整数`);

const ENUMS = {
  webDefault: ["allow", "deny"],
  mailDefault: ["allow", "deny"],
  totpPolicy: ["optional", "required"],
} as const;

/** Every field error of a whole policy, bilingual, keyed by field; empty when it is valid. */
export function policyFieldErrors(p: SecurityPolicyValues): PolicyFieldErrors {
  const errors: PolicyFieldErrors = {};
  for (const field of NUMERIC_KNOBS) {
    const { min, max } = POLICY_BOUNDS[field];
    const v = p[field];
    if (!Number.isInteger(v) || v < min || v > max) add(errors, field, between(field, min, max));
  }
  for (const [field, allowed] of Object.entries(ENUMS) as [keyof typeof ENUMS, readonly string[]][]) {
    if (!allowed.includes(p[field])) add(errors, field, say(`${KNOB_LABELS[field].en} must be one of: ${allowed.join(", ")}`, `${KNOB_LABELS[field]["zh-CN"]}只能是：${allowed.join("、")}`));
  }
  const ok = (field: NumericKnob) => !errors[field];
  if (ok("passwordMinLength") && ok("passwordMaxLength") && p.passwordMinLength > p.passwordMaxLength) {
    add(errors, "passwordMaxLength", say(`Maximum length must be at least the minimum length (${p.passwordMinLength})`, `最长长度不能小于最短长度（${p.passwordMinLength}）`));
  }
  if (ok("passwordMaxAgeDays") && p.passwordMaxAgeDays > 0 && p.passwordMaxAgeDays < MAX_AGE_FLOOR) {
    add(errors, "passwordMaxAgeDays", say(`Password lifetime must be 0 (never expires) or ${MAX_AGE_FLOOR} to 365 days`, `密码有效期须为 0（永不过期）或 ${MAX_AGE_FLOOR} 到 365 天`));
  }
  if (ok("passwordMaxAgeDays") && ok("passwordReminderDays") && p.passwordMaxAgeDays > 0 && p.passwordReminderDays >= p.passwordMaxAgeDays) {
    add(errors, "passwordReminderDays", say(`The reminder must come before the password expires: fewer than ${p.passwordMaxAgeDays} days`, `提醒须早于密码过期：少于 ${p.passwordMaxAgeDays} 天`));
  }
  if (ok("sessionIdleMinutes") && ok("sessionAbsoluteHours") && p.sessionIdleMinutes > p.sessionAbsoluteHours * 60) {
    add(errors, "sessionIdleMinutes", say(`Idle timeout cannot be longer than the absolute timeout (${p.sessionAbsoluteHours * 60} minutes)`, `空闲超时不能长于会话最长时长（${p.sessionAbsoluteHours * 60} 分钟）`));
  }
  return errors;
}
