import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { createInvitation, unusablePasswordHash } from "@/server/auth/invitations/create-invitation";
import { sendInvitation } from "@/server/auth/invitations/send-invitation";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import type { TCreateTenantBody } from "./api-tenant.types";

type Input = Omit<TCreateTenantBody, "resellerId">;

/** Derived from the request id, like a reseller's client (create-client.ts): a retry lands on the same primary key. */
const directIdFor = (requestId: string) => `d${createHash("sha256").update(`direct-tenant:${requestId}`, "utf8").digest("hex").slice(0, 24)}`;

const adminEmailTaken = () => {
  const text = say("This e-mail address already has an account: choose another one for the administrator", "该邮箱地址已有账号，请为管理员换一个邮箱");
  return new DomainError("CONFLICT", text, { adminEmail: [text] });
};

/**
 * A retry's answer: the first attempt's tenant (no second e-mail), or CONFLICT when the request id
 * made a different company (a retry after a 5xx, whose idempotency record is not kept, with another
 * body), as createClient's earlierAttempt does: the billing system must not book the wrong tenant.
 */
async function earlierAttempt(tenantId: string, input: Input): Promise<{ tenantId: string; invitationSent: false } | null> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, users: { where: { role: "tenant_admin" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!tenant) return null;
  if (tenant.name !== input.companyName || tenant.users[0]?.email !== input.adminEmail) {
    throw new DomainError("CONFLICT", say("This Idempotency-Key already opened a different tenant", "该 Idempotency-Key 已用于开通另一个租户"));
  }
  return { tenantId, invitationSent: false };
}

/**
 * An operator's key opens a direct customer of the platform (no reseller): the company and its
 * invited administrator in one transaction, the invitation e-mail after the commit, as a
 * reseller's client is opened. There is no portal form for this: direct customers came from the
 * seeds and sign-ups until the billing system's CreateAccount.
 */
export async function createDirectTenant(actor: AuditActor, input: Input, requestId: string): Promise<{ tenantId: string; invitationSent: boolean }> {
  const tenantId = directIdFor(requestId);
  const earlier = await earlierAttempt(tenantId, input);
  if (earlier) return earlier;
  if (await db.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } })) throw adminEmailTaken();
  let invitation: { token: string; expiresAt: Date };
  try {
    invitation = await db.$transaction(async (tx) => {
      const now = clock.now();
      await tx.tenant.create({ data: { id: tenantId, name: input.companyName, timeZone: input.timeZone, resellerId: null, createdAt: now } });
      const admin = await tx.user.create({
        data: { email: input.adminEmail, name: input.adminName, role: "tenant_admin", status: "invited", passwordHash: unusablePasswordHash(), tenantId, createdAt: now },
      });
      await recordAudit(
        actor,
        { action: "tenant.create", tenantId, target: { type: "tenant", id: tenantId }, details: { name: input.companyName, timeZone: input.timeZone, adminEmail: input.adminEmail } },
        tx,
      );
      return createInvitation(tx, { userId: admin.id });
    });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    // A concurrent retry made the tenant first, or the address was taken meanwhile.
    const raced = await earlierAttempt(tenantId, input);
    if (raced) return raced;
    throw adminEmailTaken();
  }
  const mail = { to: input.adminEmail, name: input.adminName, organisation: input.companyName, invitedBy: env().PLATFORM_NAME };
  return { tenantId, invitationSent: await sendInvitation({ ...mail, ...invitation }) };
}
