import { DomainError } from "@/server/shared/errors";

// Seat counts are sold in tiers (seed 002 §3.1, 说明 2): below 100 users a multiple of 5, from
// 100 to 1,050 a multiple of 10, above 1,050 a multiple of 50. The smallest order is 5 users.
export const MIN_SEATS = 5;
/** Above this an order goes through sales, not the web form; also keeps fees far from overflow. */
export const MAX_SEATS = 100_000;

type Tier = { from: number; to: number; step: number };
const TIERS: readonly Tier[] = [
  { from: 5, to: 95, step: 5 },
  { from: 100, to: 1_050, step: 10 },
  { from: 1_100, to: MAX_SEATS, step: 50 },
];

export function isAllowedSeats(n: number): boolean {
  return Number.isInteger(n) && TIERS.some((t) => n >= t.from && n <= t.to && n % t.step === 0);
}

/** The largest allowed count ≤ x, or null when x is below the minimum. */
export function floorAllowedSeats(x: number): number | null {
  for (const t of [...TIERS].reverse()) {
    if (x >= t.from) return Math.min(t.to, t.from + Math.floor((x - t.from) / t.step) * t.step);
  }
  return null;
}

/** The smallest allowed count ≥ x, or null when x is above the maximum. */
export function ceilAllowedSeats(x: number): number | null {
  for (const t of TIERS) {
    if (x <= t.to) return Math.max(t.from, t.from + Math.ceil((x - t.from) / t.step) * t.step);
  }
  return null;
}

/** The picker's steps: the allowed counts just above and just below an allowed count. */
export const nextAllowedSeats = (n: number) => ceilAllowedSeats(Math.floor(n) + 1);
export const previousAllowedSeats = (n: number) => floorAllowedSeats(Math.ceil(n) - 1);

export type SeatsCheck =
  | { ok: true }
  | { ok: false; message: string; below: number | null; above: number | null };

function tierRule(n: number): string {
  if (n < 100) return "below 100 seats, counts go in steps of 5";
  if (n <= 1_050) return "from 100 to 1,050 seats, counts go in steps of 10";
  return "above 1,050 seats, counts go in steps of 50";
}

const fmt = (n: number) => n.toLocaleString("en-US");

export function checkSeats(n: number): SeatsCheck {
  if (isAllowedSeats(n)) return { ok: true };
  if (!Number.isFinite(n)) return { ok: false, message: "Seats must be a number", below: null, above: null };
  if (n < MIN_SEATS) {
    return { ok: false, message: `The smallest order is ${MIN_SEATS} seats`, below: null, above: MIN_SEATS };
  }
  if (n > MAX_SEATS) {
    const message = `Orders above ${fmt(MAX_SEATS)} seats go through our sales team`;
    return { ok: false, message, below: MAX_SEATS, above: null };
  }
  const below = floorAllowedSeats(n);
  const above = ceilAllowedSeats(n);
  const offer = [below, above].filter((v): v is number => v !== null).map(fmt).join(" or ");
  const what = Number.isInteger(n) ? `${fmt(n)} seats is not a count we sell` : "Seats must be a whole number";
  return { ok: false, message: `${what}: ${tierRule(Math.floor(n))}. Choose ${offer}.`, below, above };
}

/** Throws BAD_INPUT naming the rule and the nearest allowed counts; `field` is the input's name. */
export function assertAllowedSeats(n: number, field = "seats"): number {
  const check = checkSeats(n);
  if (!check.ok) throw new DomainError("BAD_INPUT", check.message, { [field]: [check.message] });
  return n;
}
