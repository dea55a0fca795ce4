import type { Prisma } from "@/server/generated/prisma/client.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";

/** Replaces an account's recovery codes with ten new ones; returns them in clear, the only time they exist so. */
export async function storeNewRecoveryCodes(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}
