import { db } from "@/server/shared/db";
import type { Locale } from "@/server/shared/locale";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError } from "@/server/shared/errors";

/** Remembers the user's language so it follows them to another browser. */
export async function setLocale(actor: AuditActor, locale: Locale): Promise<{ locale: Locale }> {
  if (!actor.id) throw new DomainError("UNAUTHENTICATED", "Sign in first");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id! }, data: { locale } });
    await recordAudit(actor, { action: "user.set_locale", target: { type: "user", id: actor.id! }, details: { locale } }, tx);
  });
  return { locale };
}
