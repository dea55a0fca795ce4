import { Prisma } from "@/server/generated/prisma/client.ts";
import { DomainError, say } from "@/server/shared/errors";
import { effectiveStatus } from "./tree-rules";

type Tx = Pick<Prisma.TransactionClient, "reseller" | "user">;

export const SUSPENDED = say("Your reseller account is suspended", "您的经销商账号已暂停");
export const resellerNotFound = () => new DomainError("NOT_FOUND", say("Reseller not found", "经销商不存在"));
export const staffNotFound = () => new DomainError("NOT_FOUND", say("Staff account not found", "员工账号不存在"));

/**
 * The reseller `resellerId`, NOT_FOUND when missing. `requireActive` is for a reseller's own
 * staff writing: a suspended reseller (or one under a suspended parent) may read but not write.
 */
export async function loadReseller(tx: Tx, resellerId: string, options: { requireActive?: boolean } = {}) {
  const reseller = await tx.reseller.findUnique({ where: { id: resellerId }, include: { parent: { select: { id: true, name: true, status: true } } } });
  if (!reseller) throw resellerNotFound();
  if (options.requireActive && effectiveStatus(reseller) === "suspended") throw new DomainError("PRECONDITION_FAILED", SUSPENDED);
  return reseller;
}

/** A staff account of a reseller; with `scopeResellerId`, only that reseller's (others are NOT_FOUND). */
export async function loadStaff(tx: Tx, userId: string, scopeResellerId: string | null) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user || user.role !== "reseller" || !user.resellerId) throw staffNotFound();
  if (scopeResellerId !== null && user.resellerId !== scopeResellerId) throw staffNotFound();
  return user;
}

/** A refused duplicate e-mail, shown under the form's `field`. */
export function emailTaken(field: string, email: string): DomainError {
  const text = say(`${email} already has an account`, `${email} 已有账号`);
  return new DomainError("CONFLICT", text, { [field]: [text] });
}

/** Turns the unique index's refusal (a concurrent insert of the same e-mail) into emailTaken. */
export async function uniqueEmail<T>(field: string, email: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && String(e.meta?.target ?? e.message).includes("email")) throw emailTaken(field, email);
    throw e;
  }
}

export async function assertEmailFree(tx: Tx, field: string, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken(field, email);
}
