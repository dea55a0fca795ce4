// Shared by the login-log integration tests. Not imported by application code.
import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000);

/** Inserts login-log rows with defaults (a successful web sign-in of "someone@example.test" now). */
export async function insertLogins(rows: Partial<Prisma.LoginEventCreateManyInput>[]): Promise<void> {
  await db.loginEvent.createMany({
    data: rows.map((r) => ({ email: "someone@example.test", result: "success" as const, channel: "web" as const, occurredAt: new Date(), ...r })),
  });
}
