import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { say } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { withNamedLock } from "@/server/shared/named-lock";
import { activeAccountLock, activeIpLock } from "./active-locks";
import type { GateAccount } from "./gate.types";
import { COUNTED_RESULTS, countingSince, lockDecision, lockEnd } from "./lockout-rules";

const log = logger("auth.gate");
const BUSY = say("Another sign-in is being checked; try again", "另一次登录正在校验，请重试");

/**
 * After a counted failure (already in the login log): locks the account when its failures since
 * the last reset reach the policy's threshold, and the source address when its failures across
 * all accounts reach IP_LOCKOUT_THRESHOLD. Failures from an allow-listed address never get here.
 */
export async function countFailure(account: GateAccount | null, ip: string | null, policy: SecurityPolicyValues, now: Date): Promise<void> {
  await Promise.all([account && lockAccountIfDue(account, policy, now), ip && lockIpIfDue(ip, now)]);
}

async function lockAccountIfDue(account: GateAccount, policy: SecurityPolicyValues, now: Date): Promise<void> {
  const who = { userId: account.id, accountKind: account.kind };
  const [lastSuccess, lastLock] = await Promise.all([
    db.loginEvent.findFirst({ where: { ...who, result: "success" }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], select: { id: true } }),
    db.accountLock.findFirst({ where: { accountKind: account.kind, accountId: account.id }, orderBy: { lockedAt: "desc" } }),
  ]);
  const since = countingSince(now, policy.lockoutWindowMinutes, [lockEnd(lastLock)]);
  // A success resets by position in the log, not by time: both can share one millisecond.
  const failures = await db.loginEvent.count({
    where: { ...who, result: { in: [...COUNTED_RESULTS] }, lockoutExempt: false, occurredAt: { gte: since }, id: { gt: lastSuccess?.id ?? 0n } },
  });
  const decision = lockDecision(failures, policy.lockoutThreshold, policy.lockoutMinutes, now);
  if (!decision.lock) return;
  // Concurrent failures may all see the threshold reached; one lock row is enough.
  await withNamedLock(`signin-lock:${account.kind}:${account.id}`, 5, BUSY, async (tx) => {
    if (await activeAccountLock(account.kind, account.id, now, tx)) return;
    await tx.accountLock.create({
      data: { accountKind: account.kind, accountId: account.id, tenantId: account.tenantId, failures, lockedAt: now, lockedUntil: decision.lockedUntil },
    });
    log.info("account locked", { kind: account.kind, id: account.id, failures, until: decision.lockedUntil.toISOString() });
  }).catch((error) => log.warn("account lock not written", { id: account.id, error: String(error) }));
}

async function lockIpIfDue(ip: string, now: Date): Promise<void> {
  const e = env();
  const lastLock = await db.accountLock.findFirst({ where: { ip, accountId: null }, orderBy: { lockedAt: "desc" } });
  const since = countingSince(now, e.IP_LOCKOUT_WINDOW_MINUTES, [lockEnd(lastLock)]);
  const failures = await db.loginEvent.count({ where: { ip, result: { in: [...COUNTED_RESULTS] }, lockoutExempt: false, occurredAt: { gte: since } } });
  const decision = lockDecision(failures, e.IP_LOCKOUT_THRESHOLD, e.IP_LOCKOUT_MINUTES, now);
  if (!decision.lock) return;
  await withNamedLock(`signin-lock:ip:${ip}`, 5, BUSY, async (tx) => {
    if (await activeIpLock(ip, now, tx)) return;
    await tx.accountLock.create({ data: { ip, failures, lockedAt: now, lockedUntil: decision.lockedUntil } });
    log.info("address locked", { ip, failures, until: decision.lockedUntil.toISOString() });
  }).catch((error) => log.warn("address lock not written", { ip, error: String(error) }));
}
