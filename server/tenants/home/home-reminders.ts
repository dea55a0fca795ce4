import type { SeatUsage } from "../seats/seat-usage";

// The console home's reminders that are pure arithmetic. Seed 001's admin home shows them so an
// admin acts before something breaks. The account's own security reminders (password expiring,
// no second factor, a sign-in from a new network) come from server/auth/login-log/security-notices
// and show beside these.

/** Seats count as nearly full from this share used (or when none is free). */
export const SEATS_NEARLY_FULL_SHARE = 0.9;

/** Whether the seats call for a reminder: none free, or at least 90 % used. */
export function seatsNearlyFull(usage: SeatUsage): boolean {
  if (usage.free === 0) return true;
  return usage.used / usage.paid >= SEATS_NEARLY_FULL_SHARE;
}

export type HomeReminder = { kind: "seats_nearly_full" } & SeatUsage;

/** The tenant's reminders for its admins. */
export function homeReminders(input: { seats: SeatUsage }): HomeReminder[] {
  return seatsNearlyFull(input.seats) ? [{ kind: "seats_nearly_full", ...input.seats }] : [];
}
