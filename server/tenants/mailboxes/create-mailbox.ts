import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { appendPasswordHistory } from "@/server/auth/passwords/set-account-password";
import { clock } from "@/server/shared/clock";
import { addressFor, claimAddress, loadTenantDomain } from "../addresses/claim-address";
import { checkLocalPart } from "../addresses/local-part";
import { loadTenantDepartment } from "../departments/load-department";
import { assertSeatsFor } from "../seats/seat-usage";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { queueWelcomeLetters } from "../welcome/queue-welcome-letters";
import type { TCreateMailboxRequest } from "./create-mailbox.types";
import { assertPasswordAllowed, checkedMobile } from "./mailbox-input";
import { MAILBOX_VIEW_SELECT, toMailboxView, type MailboxView } from "./mailbox-view";
import { assertQuotaAllowed, requirePlanLimits } from "./plan-limits";

/**
 * A tenant admin creates a mailbox within the paid seats. The seat check runs under the tenant's
 * row lock (tenantTransaction), so parallel creations at the limit create exactly one; the
 * address is claimed through the platform-wide MailAddress key, so it is taken once across every
 * tenant. The password follows the tenant's rule (a new mailbox has no history to check) and is
 * hashed before the transaction: argon2 is slow and must not hold the lock.
 * The user must change the admin's password at first sign-in. The welcome letter is queued after commit.
 * With an idempotency key, a retried submission returns the mailbox the first one created.
 */
export async function createMailbox(actor: AuditActor, tenantId: string, input: TCreateMailboxRequest): Promise<MailboxView> {
  const checked = checkLocalPart(input.localPart);
  const policy = await assertPasswordAllowed(tenantId, input.password, checked.ok ? checked.value : "");
  const mobile = checkedMobile(input.mobile);
  const passwordHash = await hashPassword(input.password);

  const { mailbox, created } = await tenantTransaction(tenantId, async (tx, tenant) => {
    // A retry of a create that went through (same key): its mailbox, nothing written. Read
    // under the tenant lock, so a retry racing the first attempt waits for it and finds it.
    const createKey = input.idempotencyKey ?? null;
    const earlier = createKey ? await tx.mailbox.findFirst({ where: { tenantId, createKey }, select: MAILBOX_VIEW_SELECT }) : null;
    if (earlier) return { mailbox: earlier, created: false };
    assertWritable(tenant);
    const domain = await loadTenantDomain(tx, tenantId, input.domainId);
    const { localPart, address } = addressFor(input.localPart, domain);
    const departmentId = input.departmentId ?? null;
    if (departmentId) await loadTenantDepartment(tx, tenantId, departmentId, "departmentId");
    const limits = await requirePlanLimits(tx, tenantId);
    const quotaMb = input.quotaMb ?? limits.mailboxQuotaMb;
    assertQuotaAllowed(quotaMb, limits);
    await assertSeatsFor(tx, tenantId, 1);
    // The address first: its primary key refuses one taken anywhere, before the mailbox row exists.
    await claimAddress(tx, { tenantId, domainId: domain.id, address, kind: "mailbox" });
    const created = await tx.mailbox.create({
      data: {
        tenantId,
        domainId: domain.id,
        departmentId,
        localPart,
        address,
        displayName: input.displayName,
        quotaMb,
        status: input.status,
        passwordHash,
        mustChangePassword: true,
        mobile,
        createKey,
        addresses: { connect: [{ address }] },
      },
      select: MAILBOX_VIEW_SELECT,
    });
    // The first entry of the mailbox's history: the user may not later "change" back to it.
    await appendPasswordHistory(tx, { kind: "mailbox", id: created.id, passwordHash, keep: policy.passwordHistory }, clock.now());
    await recordAudit(
      actor,
      { action: "mailbox.create", tenantId, target: { type: "mailbox", id: created.id }, details: { address, quotaMb, departmentId, status: input.status } },
      tx,
    );
    return { mailbox: created, created: true };
  });
  if (created) await queueWelcomeLetters([mailbox.id]);
  return toMailboxView(mailbox);
}
