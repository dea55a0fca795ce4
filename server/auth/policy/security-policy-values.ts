// Pure (no database import): browser code (password forms) imports the policy's shape from here.
/**
 * The security policy of one scope: a tenant (scope = its id; its admins and its mailboxes) or
 * the platform's staff (scope "platform": operators and resellers). Seed 001 §7–9 gives the
 * defaults: 8–16 characters, three classes, a 90-day change, lockout after repeated failures.
 */
export type SecurityPolicyValues = {
  passwordMinLength: number;
  passwordMaxLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
  passwordReminderDays: number;
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  webDefault: "allow" | "deny";
  mailDefault: "allow" | "deny";
  totpPolicy: "optional" | "required";
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export const PLATFORM_SCOPE = "platform";

export const DEFAULT_POLICY: Readonly<SecurityPolicyValues> = Object.freeze({
  passwordMinLength: 8,
  passwordMaxLength: 16,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
  passwordReminderDays: 14,
  lockoutThreshold: 5,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 30,
  webDefault: "allow",
  mailDefault: "allow",
  totpPolicy: "optional",
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
});

/** Whose policy applies to an account: its tenant's, or the platform's for staff. */
export function policyScopeOf(account: { tenantId: string | null }): string {
  return account.tenantId ?? PLATFORM_SCOPE;
}
