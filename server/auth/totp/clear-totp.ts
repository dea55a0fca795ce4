import type { Prisma } from "@/server/generated/prisma/client.ts";

/** Turns the second factor off: secret, step, pending enrolment and recovery codes all go. */
export async function clearTotp(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
