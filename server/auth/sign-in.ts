import { z } from "zod";
import { db } from "@/server/shared/db";
import { runSignInGate } from "./gate/run-sign-in-gate";
import type { GateAccount, GateRefusal } from "./gate/gate.types";
import type { SessionUser } from "./session-user";

export const ZSignInRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  // The second step: six digits of the authenticator, or a recovery code.
  totp: z.string().trim().max(64).optional().nullable(),
});

export type SignInContext = { ip: string | null; userAgent: string | null };

export type SignInOutcome = { ok: true; user: SessionUser; newNetwork: boolean } | { ok: false; refusal: GateRefusal; lockedUntil?: Date };

/** What was typed, for the login log, even when the input does not parse. */
export function typedIdentifier(input: unknown): string {
  const raw = (input as { email?: unknown } | null)?.email;
  return String(raw ?? "").trim().toLowerCase().slice(0, 254);
}

/**
 * A portal account's sign-in (tenant admin, reseller, operator) through the sign-in gate
 * (server/auth/gate/run-sign-in-gate.ts): locks, password, IP rules, state, second factor, and
 * one LoginEvent per attempt. An unknown e-mail and a wrong password are the same refusal and
 * cost the same time.
 */
export async function signIn(input: unknown, ctx: SignInContext): Promise<SignInOutcome> {
  const parsed = ZSignInRequest.safeParse(input);
  const user = parsed.success ? await db.user.findUnique({ where: { email: parsed.data.email } }) : null;
  const account: GateAccount | null = user && {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    tenantId: user.tenantId,
    passwordHash: user.passwordHash,
    unusable: user.status === "active" ? null : `account ${user.status}`,
    secondFactor: { id: user.id, totpSecret: user.totpSecret, totpEnabledAt: user.totpEnabledAt, totpLastStep: user.totpLastStep },
    locale: user.locale,
  };
  const outcome = await runSignInGate({
    channel: "web",
    identifier: parsed.success ? parsed.data.email : typedIdentifier(input),
    account,
    password: parsed.success ? parsed.data.password : "",
    totp: parsed.success ? parsed.data.totp : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  if (!outcome.ok) return outcome;
  const u = user!;
  return { ok: true, newNetwork: outcome.newNetwork, user: { id: u.id, email: u.email, name: u.name, role: u.role, tenantId: u.tenantId, resellerId: u.resellerId } };
}
