import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { countInWindow, windowKey } from "@/server/shared/fixed-window-counter";

export { closeWindowCounters as closeSignInRate } from "@/server/shared/fixed-window-counter";

/** The counter of one source address in one minute. */
export function signInRateKey(ip: string, now: Date = clock.now()): string {
  return windowKey("signin-rate", [ip], 60, now);
}

/**
 * Counts a portal sign-in attempt from `ip` and says whether it is over SIGN_IN_RATE_PER_MINUTE
 * (a fixed 60-second window per address). It slows scripted guessing before the lockouts have
 * to, and caps the argon2 work one address can cause. Redis being away lets attempts through.
 */
export async function overSignInRate(ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const counts = await countInWindow([signInRateKey(ip)], 60, "sign-in");
  return (counts?.[0] ?? 0) > env().SIGN_IN_RATE_PER_MINUTE;
}
