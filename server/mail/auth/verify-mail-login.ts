import { createHash, randomBytes } from "node:crypto";
import { runSignInGate } from "@/server/auth/gate/run-sign-in-gate";
import type { GateAccount } from "@/server/auth/gate/gate.types";
import { env } from "@/server/shared/env";
import type { MailAccount } from "../engine.types";
import { loadMailAccount } from "./load-mail-account";

export type MailLoginRefusal = "bad_credentials" | "disabled" | "must_change_password" | "locked" | "ip_denied";
export type MailLoginResult = { ok: true; account: MailAccount } | { ok: false; reason: MailLoginRefusal; /** For "locked". */ lockedUntil?: Date };
export type MailLoginContext = { ip: string; channel: "smtp" | "pop3" };

const MAIL_REFUSALS: ReadonlySet<string> = new Set<MailLoginRefusal>(["bad_credentials", "disabled", "must_change_password", "locked", "ip_denied"]);

type Cached = { mailboxId: string; until: number };

// A mail client authenticates on every connection, often for every message; an argon2id verify
// (~30 ms of CPU) each time would make submission CPU-bound. A verified (address, password,
// source address) is remembered for MAIL_AUTH_CACHE_SECONDS under a keyed hash, never the
// password itself. A hit only skips the argon2 verify: the sign-in gate still checks locks,
// IP rules and the account's state every time, so a lock, a new deny rule, a disabled mailbox
// or a suspended tenant refuse at the next login even within the cache's time.
const verified = new Map<string, Cached>();
const cacheKeySalt = randomBytes(32);
const MAX_ENTRIES = 50_000;

function cacheKey(address: string, password: string, passwordHash: string, ip: string): string {
  // The stored hash is part of the key: a password change invalidates every cached pair. The
  // source address too: a login from elsewhere is verified, logged and checked for a new network.
  return createHash("sha256").update(cacheKeySalt).update(address).update("\0").update(password).update("\0").update(passwordHash).update("\0").update(ip).digest("base64");
}

function gateAccountOf(found: NonNullable<Awaited<ReturnType<typeof loadMailAccount>>>): GateAccount {
  return {
    kind: "mailbox",
    id: found.account.mailboxId,
    email: found.account.address,
    name: found.displayName,
    tenantId: found.account.tenantId,
    passwordHash: found.passwordHash,
    unusable: found.unusable,
    mustChangePassword: found.mustChangePassword,
  };
}

/**
 * A mail client's login (SMTP AUTH, POP3 USER/PASS): the mailbox's own address and password,
 * through the sign-in gate on channel smtp or pop3 (the tenant's mail IP rules, the lockouts).
 * Unknown addresses cost one argon2id verify like wrong passwords, so they cannot be told apart
 * by time. Every refusal and every verified success is written to the login log; a success
 * served from the cache is not (the verify it repeats was logged moments before).
 */
export async function verifyMailLogin(username: string, password: string, ctx: MailLoginContext): Promise<MailLoginResult> {
  const address = username.trim().toLowerCase().slice(0, 254);
  const found = address.includes("@") && password.length <= 1024 ? await loadMailAccount(address) : null;
  const key = found ? cacheKey(address, password, found.passwordHash, ctx.ip) : null;
  const hit = key ? verified.get(key) : undefined;
  const now = Date.now();
  const cached = !!hit && hit.until > now && !!found && hit.mailboxId === found.account.mailboxId;

  const outcome = await runSignInGate({
    channel: ctx.channel,
    identifier: address,
    account: found ? gateAccountOf(found) : null,
    password,
    ip: ctx.ip || null,
    userAgent: null,
    passwordKnownGood: cached,
  });
  if (!outcome.ok) {
    // The gate asks no second factor and applies no rate limit on mail channels.
    const reason: MailLoginRefusal = MAIL_REFUSALS.has(outcome.refusal) ? (outcome.refusal as MailLoginRefusal) : "bad_credentials";
    return reason === "locked" ? { ok: false, reason, lockedUntil: outcome.lockedUntil } : { ok: false, reason };
  }
  if (!cached && key && env().MAIL_AUTH_CACHE_SECONDS > 0) {
    if (verified.size >= MAX_ENTRIES) verified.clear();
    verified.set(key, { mailboxId: found!.account.mailboxId, until: now + env().MAIL_AUTH_CACHE_SECONDS * 1000 });
  }
  return { ok: true, account: found!.account };
}

/** Forgets every remembered login (tests, and an operator's "sign everyone out" later). */
export function clearMailLoginCache(): void {
  verified.clear();
}
