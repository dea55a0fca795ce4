import { createHash, randomBytes } from "node:crypto";
import { dummyHash, verifyPassword } from "@/server/auth/password";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import type { MailAccount } from "../engine.types";
import { loadMailAccount } from "./load-mail-account";

export type MailLoginResult = { ok: true; account: MailAccount } | { ok: false; reason: "bad_credentials" | "disabled" | "must_change_password" };

type Cached = { mailboxId: string; until: number };

// A mail client authenticates on every connection, often for every message; an argon2id verify
// (~30 ms of CPU) each time would make submission CPU-bound. A verified (address, password)
// pair is remembered for MAIL_AUTH_CACHE_SECONDS under a keyed hash, never the password
// itself; the account's state (disabled, tenant suspended, password changed) is still read
// each time, so a change takes effect at the next login.
const verified = new Map<string, Cached>();
const cacheKeySalt = randomBytes(32);
const MAX_ENTRIES = 50_000;

function cacheKey(address: string, password: string, passwordHash: string): string {
  // The stored hash is part of the key: a password change invalidates every cached pair.
  return createHash("sha256").update(cacheKeySalt).update(address).update("\0").update(password).update("\0").update(passwordHash).digest("base64");
}

/**
 * A mail client's login (SMTP AUTH, POP3 USER/PASS): the mailbox's own address and password.
 * Unknown addresses cost one argon2id verify like wrong passwords, so they cannot be told
 * apart by time. Every failure and every verified success is written to the login log.
 */
export async function verifyMailLogin(username: string, password: string, ctx: { ip: string }): Promise<MailLoginResult> {
  const address = username.trim().toLowerCase().slice(0, 254);
  const found = address.includes("@") && password.length <= 1024 ? await loadMailAccount(address) : null;
  const key = found ? cacheKey(address, password, found.passwordHash) : null;
  const hit = key ? verified.get(key) : undefined;
  const now = Date.now();
  let ok: boolean;
  if (hit && hit.until > now && found && hit.mailboxId === found.account.mailboxId) ok = true;
  else ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);

  const result = !found || !ok ? "bad_credentials" : !found.usable ? "disabled" : found.mustChangePassword ? "must_change_password" : "success";
  const fresh = !hit || hit.until <= now;
  if (result !== "success" || fresh) {
    await db.loginEvent.create({
      data: {
        occurredAt: clock.now(),
        userId: found?.account.mailboxId ?? null,
        email: address || "(empty)",
        ip: ctx.ip.slice(0, 45) || null,
        userAgent: null,
        result: result === "success" ? "success" : result === "bad_credentials" ? "bad_credentials" : "disabled",
      },
    });
  }
  if (result !== "success" || !found || !key) return { ok: false, reason: result === "success" ? "bad_credentials" : result };
  if (fresh && env().MAIL_AUTH_CACHE_SECONDS > 0) {
    if (verified.size >= MAX_ENTRIES) verified.clear();
    verified.set(key, { mailboxId: found.account.mailboxId, until: now + env().MAIL_AUTH_CACHE_SECONDS * 1000 });
  }
  return { ok: true, account: found.account };
}

/** Forgets every remembered login (tests, and an operator's "sign everyone out" later). */
export function clearMailLoginCache(): void {
  verified.clear();
}
