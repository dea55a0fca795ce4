import { db } from "@/server/shared/db";

/** Sign-out: the browser's own session ends on the server too, so a copied cookie stops working. */
export async function endSession(sessionId: string, now: Date): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: "sign_out" } });
}
