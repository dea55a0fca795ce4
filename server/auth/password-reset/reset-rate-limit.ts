import { createHash } from "node:crypto";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { countInWindow, windowKey } from "@/server/shared/fixed-window-counter";

export { closeWindowCounters as closeResetRate } from "@/server/shared/fixed-window-counter";

// The address is hashed in the key: Redis need not hold the e-mail addresses people typed.
const keysFor = (ip: string | null, email: string, now: Date) => {
  const mail = createHash("sha256").update(email).digest("hex").slice(0, 32);
  return [windowKey("reset-rate", ["email", mail], 3_600, now), ...(ip ? [windowKey("reset-rate", ["ip", ip], 3_600, now)] : [])];
};

export const RESET_RATE_LIMITED = say(
  "Too many password reset requests from here or for this address: wait an hour and try again, or ask your administrator",
  "重置密码请求过于频繁（来自同一网络或针对同一邮箱）：请一小时后再试，或联系管理员",
);

/**
 * Counts a reset request per source address and per e-mail address in a fixed one-hour window,
 * and refuses the one over PASSWORD_RESET_RATE_PER_HOUR (either count): it stops a script from
 * flooding an inbox or probing many accounts. Counted whether the account exists or not, so the
 * answer says nothing about it. Redis being away lets requests through (logged): the tokens stay
 * single-use and short-lived either way.
 */
export async function assertResetRate(ip: string | null, email: string): Promise<void> {
  const counts = await countInWindow(keysFor(ip, email, clock.now()), 3_600, "password reset");
  if (counts?.some((n) => n > env().PASSWORD_RESET_RATE_PER_HOUR)) throw new DomainError("RATE_LIMITED", RESET_RATE_LIMITED);
}
