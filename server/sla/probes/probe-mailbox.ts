import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { PROBE_TENANT_ID } from "../probe-tenant";

export { PROBE_TENANT_ID };

// The probe mailbox (issue 9): what the probes send to and log in as. It belongs to a
// platform-owned tenant with a WELL-KNOWN ID, PROBE_TENANT_ID: billing and the SLA month close
// skip that id (the tenant has no subscription, so billing has nothing to charge anyway). Its
// domain is the platform's own `probe.<PLATFORM_DOMAIN>`, made mail_ready directly: no customer
// DNS proves anything about it, and with no nextCheckAt the re-verification never picks it up.

const log = logger("sla.probes");

export const PROBE_LOCAL_PART = "sla-probe";
export const PROBE_MAILBOX_ALERT = "sla_probe_mailbox_repaired";

export type ProbeMailbox = { tenantId: string; mailboxId: string; address: string; password: string };

export const probeDomainName = () => `probe.${env().PLATFORM_DOMAIN}`.toLowerCase();

function probePassword(): string {
  const password = env().SLA_PROBE_PASSWORD;
  if (!password) throw new Error("SLA_PROBE_PASSWORD is not set: npm start generates one into .env.local");
  return password;
}

/**
 * Makes the probe tenant, domain and mailbox exist as the probes need them (active, mail_ready,
 * the configured password, no forced change). Idempotent; returns the mailbox and what it had to
 * create or fix (empty when everything was in place).
 */
export async function ensureProbeMailbox(): Promise<ProbeMailbox & { repaired: string[] }> {
  const password = probePassword();
  const domainName = probeDomainName();
  const address = `${PROBE_LOCAL_PART}@${domainName}`;
  const repaired: string[] = [];
  const now = clock.now();
  const tenant = await db.tenant.findUnique({ where: { id: PROBE_TENANT_ID }, select: { status: true } });
  if (!tenant) repaired.push("tenant created");
  else if (tenant.status !== "active") repaired.push(`tenant was ${tenant.status}`);
  await db.tenant.upsert({ where: { id: PROBE_TENANT_ID }, create: { id: PROBE_TENANT_ID, name: "Mailstead SLA probes", timeZone: "UTC" }, update: { status: "active", suspendedAt: null, suspendedReason: null, frozenUntil: null } });

  let domain = await db.domain.findUnique({ where: { name: domainName } });
  if (domain && domain.tenantId !== PROBE_TENANT_ID) throw new Error(`the probe domain ${domainName} belongs to tenant ${domain.tenantId}, not the probe tenant`);
  if (!domain || domain.state !== "mail_ready") {
    repaired.push(domain ? `domain was ${domain.state}` : "domain created");
    domain = await db.domain.upsert({
      where: { name: domainName },
      create: { tenantId: PROBE_TENANT_ID, name: domainName, unicodeName: domainName, state: "mail_ready", ownershipToken: randomBytes(16).toString("hex"), ownedAt: now, mailReadyAt: now },
      update: { state: "mail_ready", candidateState: null, mailReadyAt: now, nextCheckAt: null },
    });
  }

  let mailbox = await db.mailbox.findUnique({ where: { address } });
  if (mailbox && mailbox.tenantId !== PROBE_TENANT_ID) throw new Error(`the probe address ${address} belongs to tenant ${mailbox.tenantId}, not the probe tenant`);
  if (!mailbox) {
    repaired.push("mailbox created");
    mailbox = await db.mailbox.create({
      data: { tenantId: PROBE_TENANT_ID, domainId: domain.id, localPart: PROBE_LOCAL_PART, address, displayName: "SLA probe", quotaMb: 1024, mustChangePassword: false, passwordHash: await hashPassword(password) },
    });
  } else {
    const fixes: string[] = [];
    if (mailbox.status !== "active") fixes.push(`mailbox was ${mailbox.status}`);
    if (mailbox.mustChangePassword) fixes.push("mailbox had to change its password");
    const passwordOk = await verifyPassword(mailbox.passwordHash, password);
    if (!passwordOk) fixes.push("mailbox password differed from SLA_PROBE_PASSWORD");
    if (fixes.length > 0) {
      repaired.push(...fixes);
      mailbox = await db.mailbox.update({
        where: { id: mailbox.id },
        data: { status: "active", mustChangePassword: false, sendingSuspendedAt: null, sendingSuspendedReason: null, ...(passwordOk ? {} : { passwordHash: await hashPassword(password) }) },
      });
    }
  }
  const claim = await db.mailAddress.findUnique({ where: { address } });
  if (!claim) {
    repaired.push("address claim created");
    await db.mailAddress.create({ data: { address, tenantId: PROBE_TENANT_ID, domainId: domain.id, kind: "mailbox", mailboxId: mailbox.id } });
  }
  return { tenantId: PROBE_TENANT_ID, mailboxId: mailbox.id, address, password, repaired };
}

/**
 * Called when a probe failed in a way that may mean someone deleted or changed the probe
 * mailbox (550 unknown user, refused login). When ensureProbeMailbox had to repair something,
 * the failure was the mailbox's, not the service's: an OperatorAlert says what was repaired and
 * the caller records no sample for the run. Returns whether it repaired.
 */
export async function repairProbeMailbox(context: { probe: string; error: string | null }): Promise<boolean> {
  const { repaired, address, mailboxId } = await ensureProbeMailbox();
  if (repaired.length === 0) return false;
  const message = `The SLA probe mailbox ${address} was re-provisioned (${repaired.join(", ")}); the ${context.probe} probe run that noticed it was not recorded`;
  log.warn("probe mailbox re-provisioned", { repaired, probe: context.probe, error: context.error });
  await db.operatorAlert.create({
    data: { kind: PROBE_MAILBOX_ALERT, tenantId: PROBE_TENANT_ID, mailboxId, message, details: { repaired, probe: context.probe, error: context.error }, createdAt: clock.now() },
  });
  return true;
}
