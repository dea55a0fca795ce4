import { mailboxUnusable } from "@/server/auth/gate/mailbox-unusable";
import { db } from "@/server/shared/db";
import { PROBE_TENANT_ID } from "@/server/sla/probe-tenant";
import type { MailAccount } from "../engine.types";

// The SLA's end-to-end probe sends a letter to itself every minute (1,440 a day, issue 9): the
// platform's own tenant is not held to the 1,000 a day that protects customers' reputations.
const PROBE_DAILY_SEND_LIMIT = 20_000;

export type LoadedMailAccount = {
  account: MailAccount;
  passwordHash: string;
  displayName: string;
  /** Mailbox active and tenant active (not suspended, frozen or purged). */
  usable: boolean;
  /** Why not usable, in words the login log shows; null when usable. */
  unusable: string | null;
  mustChangePassword: boolean;
};

/**
 * The mailbox whose own address is `address` (lower-case), with what the engine needs to let
 * it send: its aliases, its tenant's zone and its plan's daily limit (the active
 * subscription's plan; 1,000 per seed 002 when the tenant has none).
 */
export async function loadMailAccount(address: string): Promise<LoadedMailAccount | null> {
  const m = await db.mailbox.findUnique({
    where: { address },
    select: {
      id: true,
      tenantId: true,
      address: true,
      displayName: true,
      status: true,
      passwordHash: true,
      mustChangePassword: true,
      addresses: { select: { address: true } },
      domain: { select: { name: true, aliases: { select: { name: true } } } },
      tenant: {
        select: {
          status: true,
          purgedAt: true,
          timeZone: true,
          subscriptions: { where: { status: "active" }, select: { plan: { select: { dailySendLimit: true } } }, take: 1, orderBy: { createdAt: "desc" } },
        },
      },
    },
  });
  if (!m) return null;
  const own = [m.address, ...m.addresses.map((a) => a.address)];
  // An alias domain receives and sends as its primary (glossary): zhang@primary may also send as
  // zhang@alias, for each of its addresses on the primary domain.
  const onAliasDomains = own
    .filter((a) => a.endsWith(`@${m.domain.name}`))
    .flatMap((a) => m.domain.aliases.map((d) => `${a.slice(0, a.lastIndexOf("@"))}@${d.name}`));
  const sendAs = [...new Set([...own, ...onAliasDomains])];
  return {
    account: {
      mailboxId: m.id,
      tenantId: m.tenantId,
      address: m.address,
      sendAs,
      timeZone: m.tenant.timeZone,
      dailySendLimit: m.tenantId === PROBE_TENANT_ID ? PROBE_DAILY_SEND_LIMIT : (m.tenant.subscriptions[0]?.plan.dailySendLimit ?? 1000),
    },
    passwordHash: m.passwordHash,
    displayName: m.displayName,
    usable: m.status === "active" && m.tenant.status === "active" && !m.tenant.purgedAt,
    unusable: mailboxUnusable(m, false),
    mustChangePassword: m.mustChangePassword,
  };
}
