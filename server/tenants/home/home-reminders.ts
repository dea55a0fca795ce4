import type { SeatUsage } from "../seats/seat-usage";

// The console home's reminders that are pure arithmetic. Seed 001's admin home shows them so an
// admin acts before something breaks: a password about to expire, seats about to run out.

/** An administrator's password expires this many days after it was last set. */
export const PASSWORD_MAX_AGE_DAYS = 90;
/** The home starts warning this many days before it expires. */
export const PASSWORD_WARN_DAYS = 14;
/** Seats count as nearly full from this share used (or when none is free). */
export const SEATS_NEARLY_FULL_SHARE = 0.9;

const DAY_MS = 86_400_000;

export type PasswordExpiry = { expiresAt: Date; daysLeft: number };

/**
 * When the password set at `changedAt` (the account's creation when never changed) expires, and
 * the whole days left until then from `now` (negative once expired; 0 on the last day).
 */
export function passwordExpiry(changedAt: Date, now: Date): PasswordExpiry {
  const expiresAt = new Date(changedAt.getTime() + PASSWORD_MAX_AGE_DAYS * DAY_MS);
  return { expiresAt, daysLeft: Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS) };
}

/** The expiry to remind of, or null while more than PASSWORD_WARN_DAYS are left. */
export function passwordReminder(changedAt: Date, now: Date): PasswordExpiry | null {
  const expiry = passwordExpiry(changedAt, now);
  return expiry.daysLeft <= PASSWORD_WARN_DAYS ? expiry : null;
}

/** Whether the seats call for a reminder: none free, or at least 90 % used. */
export function seatsNearlyFull(usage: SeatUsage): boolean {
  if (usage.free === 0) return true;
  return usage.used / usage.paid >= SEATS_NEARLY_FULL_SHARE;
}

export type HomeReminder =
  /** No administrator has a second factor yet (the Security issue adds 2FA). */
  | { kind: "no_second_factor" }
  | ({ kind: "password_expiring" } & PasswordExpiry)
  | ({ kind: "seats_nearly_full" } & SeatUsage);

/** The reminders for an admin, most urgent first. */
export function homeReminders(input: { passwordSetAt: Date; now: Date; seats: SeatUsage; hasSecondFactor: boolean }): HomeReminder[] {
  const reminders: HomeReminder[] = [];
  const password = passwordReminder(input.passwordSetAt, input.now);
  if (password) reminders.push({ kind: "password_expiring", ...password });
  if (seatsNearlyFull(input.seats)) reminders.push({ kind: "seats_nearly_full", ...input.seats });
  if (!input.hasSecondFactor) reminders.push({ kind: "no_second_factor" });
  return reminders;
}
