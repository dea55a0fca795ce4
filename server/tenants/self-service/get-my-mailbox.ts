import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import type { MailboxStatus } from "@/server/generated/prisma/enums.ts";

export type MyMailbox = {
  address: string;
  displayName: string;
  status: MailboxStatus;
  /**
   * The admin's initial password is still in use, or the password is older than the tenant's
   * policy allows: the page asks for a new one before anything else.
   */
  mustChangePassword: boolean;
  /** Why a new password is asked for: the admin's initial one, or the policy's maximum age. */
  passwordExpired: boolean;
  passwordChangedAt: Date | null;
  quota: { totalMb: number; usedBytes: number };
  /** The mailbox's aliases (other addresses delivering to it), sorted. */
  aliases: string[];
};

/** What the self-service page shows a mailbox user about their own mailbox. */
export async function getMyMailbox(tenantId: string, mailboxId: string, passwordExpired = false): Promise<MyMailbox> {
  const row = await db.mailbox.findFirst({
    where: { id: mailboxId, tenantId },
    select: {
      address: true,
      displayName: true,
      status: true,
      mustChangePassword: true,
      passwordChangedAt: true,
      quotaMb: true,
      usedBytes: true,
      addresses: { where: { kind: "alias" }, select: { address: true }, orderBy: { address: "asc" } },
    },
  });
  if (!row) throw notFound("Mailbox");
  return {
    address: row.address,
    displayName: row.displayName,
    status: row.status,
    mustChangePassword: row.mustChangePassword || passwordExpired,
    passwordExpired: !row.mustChangePassword && passwordExpired,
    passwordChangedAt: row.passwordChangedAt,
    // Bytes fit a double exactly up to 8 PiB; a mailbox quota is far below.
    quota: { totalMb: row.quotaMb, usedBytes: Number(row.usedBytes) },
    aliases: row.addresses.map((a) => a.address),
  };
}
