import type { Prisma } from "@/server/generated/prisma/client.ts";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { loadSecurityPolicy, type SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { DomainError } from "@/server/shared/errors";
import { passwordMessagesFor, passwordProblemsFor, type PasswordProblem } from "./password-policy-rule";

type Tx = Prisma.TransactionClient;
export type AccountKind = "user" | "mailbox";

export type SetAccountPasswordArgs = {
  kind: AccountKind;
  id: string;
  /** The policy scope of the account: policyScopeOf(account). */
  scope: string;
  /** The account's e-mail address (its local part must not appear in the password). */
  accountName: string;
  password: string;
  /** The form field the refusal is shown under; "password" unless the form names it otherwise. */
  field?: string;
};

/** The refusal of a password under its field, every broken rule named. */
export function passwordRefused(policy: SecurityPolicyValues, problems: PasswordProblem[], field = "password"): DomainError {
  const texts = passwordMessagesFor(policy, problems);
  return new DomainError("BAD_INPUT", texts[0]!, { [field]: texts });
}

/** Throws the refusal when the password breaks the policy's rule (pure checks: nothing read, nothing hashed). */
export function assertPasswordRule(policy: SecurityPolicyValues, password: string, accountName: string, field = "password"): void {
  const problems = passwordProblemsFor(policy, password, accountName);
  if (problems.length > 0) throw passwordRefused(policy, problems, field);
}

/**
 * True when `password` is the account's current one or one of its last N (policy.passwordHistory).
 * The current password is the newest history row for accounts set through this file; the stored
 * hash is checked too, for passwords set before history was kept.
 */
async function isReused(tx: Tx, kind: AccountKind, id: string, currentHash: string | null, password: string, keep: number): Promise<boolean> {
  if (keep <= 0) return false;
  const rows = await tx.passwordHistory.findMany({ where: { accountKind: kind, accountId: id }, orderBy: { id: "desc" }, take: keep, select: { passwordHash: true } });
  const hashes = new Set([...(currentHash ? [currentHash] : []), ...rows.map((r) => r.passwordHash)]);
  for (const hash of hashes) if (await verifyPassword(hash, password)) return true;
  return false;
}

/** Appends the new hash to the account's history and drops what falls beyond the policy's N. */
export async function appendPasswordHistory(tx: Tx, args: { kind: AccountKind; id: string; passwordHash: string; keep: number }, now: Date): Promise<void> {
  const where = { accountKind: args.kind, accountId: args.id };
  if (args.keep > 0) await tx.passwordHistory.create({ data: { ...where, passwordHash: args.passwordHash, createdAt: now } });
  const kept = await tx.passwordHistory.findMany({ where, orderBy: { id: "desc" }, take: args.keep, select: { id: true } });
  await tx.passwordHistory.deleteMany({ where: { ...where, id: { notIn: kept.map((k) => k.id) } } });
}

async function currentHashOf(tx: Tx, kind: AccountKind, id: string): Promise<string | null> {
  const row = kind === "user"
    ? await tx.user.findUnique({ where: { id }, select: { passwordHash: true } })
    : await tx.mailbox.findUnique({ where: { id }, select: { passwordHash: true } });
  return row?.passwordHash ?? null;
}

/**
 * Sets an account's password, for every place that sets one: the rule of the account's scope,
 * then "not one of the last N", then the argon2id hash, passwordChangedAt and the history. A
 * refusal (BAD_INPUT under `field`) is thrown before anything is written. Runs in the caller's
 * transaction, so the caller's own changes and audit row commit with it.
 */
export async function setAccountPassword(tx: Tx, args: SetAccountPasswordArgs, now: Date): Promise<{ passwordHash: string }> {
  const policy = await loadSecurityPolicy(args.scope, tx);
  assertPasswordRule(policy, args.password, args.accountName, args.field);
  const currentHash = await currentHashOf(tx, args.kind, args.id);
  if (await isReused(tx, args.kind, args.id, currentHash, args.password, policy.passwordHistory)) {
    throw passwordRefused(policy, ["reused"], args.field);
  }
  const passwordHash = await hashPassword(args.password);
  const data = { passwordHash, passwordChangedAt: now };
  if (args.kind === "user") await tx.user.update({ where: { id: args.id }, data });
  else await tx.mailbox.update({ where: { id: args.id }, data });
  await appendPasswordHistory(tx, { kind: args.kind, id: args.id, passwordHash, keep: policy.passwordHistory }, now);
  return { passwordHash };
}
