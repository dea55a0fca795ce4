import type { LoginResult } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";
import type { GateAttempt } from "./gate.types";

type Extra = { reason?: string | null; lockoutExempt?: boolean; newNetwork?: boolean };

/** The one login-log row of an attempt (every attempt writes exactly one). */
export async function recordLoginEvent(attempt: GateAttempt, now: Date, result: LoginResult, extra: Extra = {}): Promise<{ id: bigint }> {
  const a = attempt.account;
  return db.loginEvent.create({
    data: {
      occurredAt: now,
      userId: a?.id ?? null,
      accountKind: a?.kind ?? null,
      tenantId: a?.tenantId ?? null,
      email: attempt.identifier.slice(0, 254) || "(empty)",
      ip: attempt.ip?.slice(0, 45) || null,
      userAgent: attempt.userAgent?.slice(0, 512) || null,
      channel: attempt.channel,
      result,
      reason: extra.reason?.slice(0, 255) ?? null,
      lockoutExempt: extra.lockoutExempt ?? false,
      newNetwork: extra.newNetwork ?? false,
    },
    select: { id: true },
  });
}
