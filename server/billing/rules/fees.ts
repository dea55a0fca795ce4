import { monthNumber, type Month } from "./months";

// Fees (seed 002 appendix A): the yearly fee is seats × price per seat-year; each calendar
// month costs one twelfth of it. Twelfths rarely come out in whole fen, so every month is
// charged the twelfth rounded down and December also takes the remainder (0–11 fen). Any
// twelve consecutive months contain exactly one December, so they add up to the yearly fee
// exactly, whichever month the service started in. December is the last month of the year,
// so the customer never pays the remainder in advance.
export const REMAINDER_MONTH = 12;

export function yearlyFee(seats: number, pricePerSeatYear: number): number {
  const fee = seats * pricePerSeatYear;
  if (!Number.isSafeInteger(fee)) throw new Error(`yearly fee of ${seats} × ${pricePerSeatYear} overflows`);
  return fee;
}

export function monthlyFee(seats: number, pricePerSeatYear: number, month: Month): number {
  const yearly = yearlyFee(seats, pricePerSeatYear);
  const base = Math.floor(yearly / 12);
  return monthNumber(month) === REMAINDER_MONTH ? base + (yearly - base * 12) : base;
}

/** What a new subscription prepays: whole years only (at least one: 客户至少预存 1 年服务费). */
export function prepaymentFor(seats: number, pricePerSeatYear: number, termYears: number): number {
  return yearlyFee(seats, pricePerSeatYear) * termYears;
}
