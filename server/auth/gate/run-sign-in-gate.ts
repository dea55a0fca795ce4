import { loadSecurityPolicy, policyScopeOf, PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { dummyHash, verifyPassword } from "@/server/auth/password";
import { checkSecondFactor } from "@/server/auth/totp/check-second-factor";
import { clock } from "@/server/shared/clock";
import { activeAccountLock, activeIpLock } from "./active-locks";
import { ipRuleDenial, loadIpRules } from "./check-ip-rules";
import { noteNetwork, sendNewNetworkMail, updateSignedInAccount } from "./complete-sign-in";
import { countFailure } from "./count-failure";
import type { GateAttempt, GateOutcome } from "./gate.types";
import { isLockoutExempt } from "./lockout-allow-list";
import { rateSubjectOf } from "./lockout-rules";
import { recordLoginEvent } from "./record-login-event";
import { overSignInRate } from "./sign-in-rate-limit";

const SECOND_FACTOR_REASON = { missing: "second factor asked", invalid: "wrong second factor", replayed: "second factor code replayed" } as const;

/** A refusal for a lock in force: one login-log row saying which lock and until when. */
async function refuseLocked(attempt: GateAttempt, now: Date, lock: { lockedUntil: Date }, onAccount: boolean): Promise<GateOutcome> {
  await recordLoginEvent(attempt, now, "locked", { reason: `${onAccount ? "account" : "address"} locked until ${lock.lockedUntil.toISOString()}` });
  return { ok: false, refusal: "locked", lockedUntil: lock.lockedUntil };
}

/**
 * The one sign-in pipeline of every channel (docs/security.md, "Sign-in order of checks"): the
 * portal, mailbox self-service, SMTP AUTH and POP3 differ only in what they load and whether a
 * second factor is asked. Every attempt writes exactly one LoginEvent (a mail client's cached
 * success excepted, see verify-mail-login.ts). The order keeps refusals from teaching anything:
 * a locked account is refused before its password is checked, and an IP rule or a disabled
 * account is only revealed to someone who had the password.
 */
export async function runSignInGate(typed: GateAttempt): Promise<GateOutcome> {
  const now = clock.now();
  // One spelling per client, whichever socket family it came in on: the mail listeners report
  // "::ffff:192.0.2.1" where the portal reports "192.0.2.1", and locks match addresses exactly.
  const attempt = { ...typed, ip: typed.ip?.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 45) || null };
  const { account, ip } = attempt;

  // Everything the checks below read, in one round of parallel queries (a mail client logs in for
  // every connection; each sequential round trip is latency on its AUTH). `exempt`: the address
  // is on the lockout allow-list of the account's scope or the platform's; an allow-listed office
  // is spared the rate limit and the locks alike (many people behind one address at nine o'clock).
  const scope = account ? policyScopeOf(account) : PLATFORM_SCOPE;
  const [policy, exempt, accountLock, ipLock, ipRules] = await Promise.all([
    loadSecurityPolicy(scope),
    isLockoutExempt(scope, ip),
    account ? activeAccountLock(account.kind, account.id, now) : null,
    activeIpLock(ip, now),
    account ? loadIpRules(scope, attempt.channel) : [],
  ]);

  // 1. A portal source address (an IPv6 one: its /64) over its per-minute budget (mail clients:
  // see docs, "Mail clients").
  if (!exempt && (attempt.channel === "web" || attempt.channel === "self_service") && (await overSignInRate(ip && rateSubjectOf(ip)))) {
    await recordLoginEvent(attempt, now, "rate_limited", { reason: "too many sign-ins from this address" });
    return { ok: false, refusal: "rate_limited" };
  }

  // 2. Locks, unless the address is allow-listed.
  const lock = exempt ? null : (accountLock ?? ipLock);
  if (lock) return refuseLocked(attempt, now, lock, lock === accountLock);

  // 3. The password; an unknown account costs the same argon2 verify as a wrong password.
  const passwordOk = attempt.passwordKnownGood
    ? !!account
    : (await verifyPassword(account?.passwordHash ?? (await dummyHash()), attempt.password)) && !!account;
  if (!passwordOk || !account) {
    await recordLoginEvent(attempt, now, "bad_credentials", { reason: account ? "wrong password" : "unknown account", lockoutExempt: exempt });
    if (!exempt) await countFailure(account, ip, policy, now);
    return { ok: false, refusal: "bad_credentials" };
  }

  // 3b. Locks again, now that the password is known to be right: a burst of concurrent guesses
  // all pass step 2 before the first of them locks the account, and the verify above takes tens
  // of milliseconds, so a right guess among them must not get in past a lock written meanwhile.
  if (!exempt && !attempt.passwordKnownGood) {
    const [lateAccountLock, lateIpLock] = await Promise.all([activeAccountLock(account.kind, account.id, now), activeIpLock(ip, now)]);
    const late = lateAccountLock ?? lateIpLock;
    if (late) return refuseLocked(attempt, now, late, late === lateAccountLock);
  }

  // 4. The tenant's IP sign-in rules for the channel.
  const denied = ipRuleDenial(ipRules, attempt.channel, ip, policy);
  if (denied) {
    await recordLoginEvent(attempt, now, "ip_denied", { reason: denied });
    return { ok: false, refusal: "ip_denied" };
  }

  // 5. The account's state.
  if (account.unusable) {
    await recordLoginEvent(attempt, now, "disabled", { reason: account.unusable });
    return { ok: false, refusal: "disabled" };
  }
  if (account.mustChangePassword) {
    await recordLoginEvent(attempt, now, "must_change_password", { reason: "the password set by an administrator must be changed first" });
    return { ok: false, refusal: "must_change_password" };
  }

  // 6. The second factor (portal accounts that enrolled one).
  if (account.secondFactor) {
    const check = await checkSecondFactor(account.secondFactor, attempt.totp, now);
    if (check === "missing") {
      await recordLoginEvent(attempt, now, "second_factor_required", { reason: SECOND_FACTOR_REASON.missing });
      return { ok: false, refusal: "second_factor_required" };
    }
    if (check === "invalid" || check === "replayed") {
      await recordLoginEvent(attempt, now, "second_factor_failed", { reason: SECOND_FACTOR_REASON[check], lockoutExempt: exempt });
      if (!exempt) await countFailure(account, ip, policy, now);
      return { ok: false, refusal: "second_factor_failed" };
    }
  }

  // 7. In: rehash, last sign-in, the network, then the letter about a new one. A mail client's
  // cached success was logged and noted at its verify moments ago, from the same address.
  if (attempt.passwordKnownGood) return { ok: true, newNetwork: false };
  const seen = await noteNetwork(account, ip, now);
  await Promise.all([
    recordLoginEvent(attempt, now, "success", { newNetwork: seen.isNew, reason: seen.isNew ? `new network ${seen.network}` : null }),
    updateSignedInAccount(account, attempt.password, ip, now),
  ]);
  if (seen.isNew && ip && seen.network) void sendNewNetworkMail(account, ip, seen.network, attempt.channel, now);
  return { ok: true, newNetwork: seen.isNew };
}
