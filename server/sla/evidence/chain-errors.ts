import { DomainError, say } from "@/server/shared/errors";
import { parseUtcDay } from "./utc-days";

// The evidence chain's refusals, shared by sealing, verifying and the CLI.

/** A day argument checked before anything is read or written. */
export function requireDay(day: unknown, what = "day"): string {
  if (typeof day !== "string" || parseUtcDay(day) === null) {
    throw new DomainError("BAD_INPUT", say(`${what} must be a UTC day as YYYY-MM-DD, got ${JSON.stringify(day)}`, `${what} 须为 YYYY-MM-DD 形式的 UTC 日期，收到 ${JSON.stringify(day)}`));
  }
  return day;
}
