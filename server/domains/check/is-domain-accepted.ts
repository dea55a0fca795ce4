import { domainToASCII } from "node:url";
import type { DomainState } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

// The one question the mail engine asks about a recipient's domain. Decisions:
// - a domain accepts mail when it is mail_ready, or degraded while its MX still points at us
//   (mxFailingSince null: only SPF/DKIM broke, which hurts sending, not receiving);
// - an alias domain is judged on its own records (it has its own token, MX and key): an alias
//   whose ownership was never proven is refused even when its primary is mail_ready, otherwise
//   anyone could route a domain they do not own into a tenant's mailboxes;
// - the tenant must be active (suspended or frozen tenants receive nothing).

export function acceptsMail(d: { state: DomainState; mxFailingSince: Date | null }): boolean {
  return d.state === "mail_ready" || (d.state === "degraded" && d.mxFailingSince === null);
}

/** `name`: the domain of a recipient address, any case, with or without a final dot, ASCII or Unicode. */
export async function isDomainAccepted(name: string): Promise<boolean> {
  const ascii = domainToASCII(name.trim().replace(/\.$/, "").toLowerCase());
  if (!ascii) return false;
  const row = await db.domain.findUnique({
    where: { name: ascii },
    select: { state: true, mxFailingSince: true, tenant: { select: { status: true } } },
  });
  return !!row && row.tenant.status === "active" && acceptsMail(row);
}
