import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { createInvitation, unusablePasswordHash } from "@/server/auth/invitations/create-invitation";
import { sendInvitation } from "@/server/auth/invitations/send-invitation";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { resellersInTree } from "../reseller-tree";
import type { CreatedClient, TCreateClientRequest } from "./create-client.types";
import { assertResellerActive, type StandingReseller } from "./reseller-standing";

/**
 * The new tenant's id is derived from the creating reseller and its request id. Tenant has no
 * idempotency column, and the primary key is the one unique index that makes a retry (even a
 * concurrent one) find the first attempt's tenant instead of creating a second company.
 * Scoped by reseller, so one reseller's request id can never reach another's client.
 */
export const clientIdFor = (resellerId: string, idempotencyKey: string) =>
  `c${createHash("sha256").update(`reseller-client:${resellerId}:${idempotencyKey}`, "utf8").digest("hex").slice(0, 24)}`;

const emailTaken = () => {
  const text = say("This e-mail address already has an account: choose another one for the administrator", "该邮箱地址已有账号，请为管理员换一个邮箱");
  return new DomainError("CONFLICT", text, { adminEmail: [text] });
};

/** A retry's answer: the first attempt's tenant, without a second e-mail; CONFLICT when the id was used for something else. */
async function earlierAttempt(resellerId: string, tenantId: string, input: TCreateClientRequest): Promise<CreatedClient | null> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, name: true, resellerId: true, users: { where: { role: "tenant_admin" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!tenant) return null;
  const tree = await resellersInTree(resellerId);
  const adminEmail = tenant.users[0]?.email ?? "";
  if (!tenant.resellerId || !tree.includes(tenant.resellerId) || tenant.name !== input.companyName || adminEmail !== input.adminEmail) {
    throw new DomainError("CONFLICT", say("This request id was already used for a different client", "该请求编号已用于另一个客户"));
  }
  return { tenantId: tenant.id, name: tenant.name, ownerResellerId: tenant.resellerId, adminEmail, invitationSent: false, created: false };
}

/** The reseller the client will belong to: the caller, or one of the caller's own sub-resellers. */
async function ownerFor(creator: StandingReseller, subResellerId: string | null | undefined): Promise<StandingReseller> {
  if (!subResellerId) return creator;
  const sub = await db.reseller.findFirst({ where: { id: subResellerId, parentId: creator.id }, select: { id: true } });
  if (!sub) {
    const text = say("Sub-reseller not found", "下级经销商不存在");
    throw new DomainError("NOT_FOUND", text, { subResellerId: [text] });
  }
  return assertResellerActive(sub.id);
}

/**
 * A reseller opens a client tenant: the company, its administrator (invited, no password yet) and
 * the invitation, in one transaction; the e-mail goes out after the commit, so a mail server that
 * is down never undoes the client (the invitation can be sent again). The tenant needs no other
 * rows to work in the console: its spam policy and welcome letter fall back to the platform's
 * defaults until its admin changes them, as for every seeded tenant.
 */
export async function createClient(actor: AuditActor, resellerId: string, input: TCreateClientRequest): Promise<CreatedClient> {
  const tenantId = clientIdFor(resellerId, input.idempotencyKey);
  const earlier = await earlierAttempt(resellerId, tenantId, input);
  if (earlier) return earlier;
  const owner = await ownerFor(await assertResellerActive(resellerId), input.subResellerId);
  if (await db.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } })) throw emailTaken();

  let invitation: { token: string; expiresAt: Date };
  try {
    invitation = await db.$transaction(async (tx) => {
      const now = clock.now();
      await tx.tenant.create({ data: { id: tenantId, name: input.companyName, timeZone: input.timeZone, resellerId: owner.id, createdAt: now } });
      const admin = await tx.user.create({
        data: { email: input.adminEmail, name: input.adminName, role: "tenant_admin", status: "invited", passwordHash: unusablePasswordHash(), tenantId, createdAt: now },
      });
      const created = await createInvitation(tx, { userId: admin.id });
      await recordAudit(
        actor,
        {
          action: "reseller.client.create",
          tenantId,
          target: { type: "tenant", id: tenantId },
          details: { name: input.companyName, timeZone: input.timeZone, adminEmail: input.adminEmail, ownerResellerId: owner.id, idempotencyKey: input.idempotencyKey },
        },
        tx,
      );
      return created;
    });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    // Either a concurrent retry created the tenant first, or someone took the e-mail meanwhile.
    const raced = await earlierAttempt(resellerId, tenantId, input);
    if (raced) return raced;
    throw emailTaken();
  }
  const invitationSent = await sendInvitation({
    to: input.adminEmail,
    name: input.adminName,
    token: invitation.token,
    expiresAt: invitation.expiresAt,
    organisation: input.companyName,
    invitedBy: owner.name,
  });
  return { tenantId, name: input.companyName, ownerResellerId: owner.id, adminEmail: input.adminEmail, invitationSent, created: true };
}
