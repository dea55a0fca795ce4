// Shared by the self-service integration tests: a tenant with a domain, a mailbox (its own
// MailAddress row and aliases) and the mailbox user's session. Not imported by application code.
import type { SessionUser } from "@/server/auth/session-user";
import { hashPassword } from "@/server/auth/password";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { selfServiceRouter } from "./router";

const testRouter = router({ selfService: selfServiceRouter });
export const selfServiceCaller = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user)).selfService;

export const INITIAL_PASSWORD = "Initial#2026";

let seq = 0;

/** A tenant with one domain; `mailbox()` adds mailboxes to it. */
export async function tenantWithDomain(name = "Xinghe Trade") {
  seq += 1;
  const tenant = await db.tenant.create({ data: { name } });
  const domainName = `ss${seq}-${Date.now().toString(36)}.example.com`;
  const domain = await db.domain.create({ data: { tenantId: tenant.id, name: domainName, unicodeName: domainName, ownershipToken: "0".repeat(32) } });
  let hash: string | undefined;
  async function mailbox(localPart: string, opts: { aliases?: string[]; status?: "active" | "disabled"; mustChangePassword?: boolean; usedBytes?: bigint } = {}) {
    hash ??= await hashPassword(INITIAL_PASSWORD);
    const address = `${localPart}@${domainName}`;
    const row = await db.mailbox.create({
      data: {
        tenantId: tenant.id,
        domainId: domain.id,
        localPart,
        address,
        displayName: `User ${localPart}`,
        quotaMb: 2048,
        usedBytes: opts.usedBytes ?? 0n,
        passwordHash: hash,
        status: opts.status ?? "active",
        mustChangePassword: opts.mustChangePassword ?? true,
      },
    });
    const aliases = (opts.aliases ?? []).map((a) => `${a}@${domainName}`);
    await db.mailAddress.createMany({
      data: [
        { address, tenantId: tenant.id, domainId: domain.id, kind: "mailbox", mailboxId: row.id },
        ...aliases.map((a) => ({ address: a, tenantId: tenant.id, domainId: domain.id, kind: "alias" as const, mailboxId: row.id })),
      ],
    });
    return { row, address, aliases, session: sessionOfMailbox(row) };
  }
  return { tenant, domain, domainName, mailbox };
}
