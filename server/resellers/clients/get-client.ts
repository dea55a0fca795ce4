import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { assertResellerOwnsTenant } from "../assert-reseller-owns-tenant";
import type { ClientRow } from "./client-row.types";
import type { AdminState } from "./client.types";
import { loadClientRows } from "./load-client-rows";

/** Where the admin's invitation stands: pending (link valid), expired (resend it), accepted, or none sent. */
export type InvitationState = "pending" | "expired" | "accepted" | "none";

export type ClientSummaryView = ClientRow & {
  timeZone: string;
  invitation: { state: InvitationState; expiresAt: Date | null };
};

/** One client's header for its page in the reseller portal; NOT_FOUND outside the caller's tree. */
export async function getClient(resellerId: string, tenantId: string): Promise<ClientSummaryView> {
  await assertResellerOwnsTenant(resellerId, tenantId);
  const [[row], tenant] = await Promise.all([
    loadClientRows(resellerId, { id: tenantId }),
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } }),
  ]);
  return { ...row!, timeZone: tenant.timeZone, invitation: await invitationOf(tenantId, row!.admin?.state ?? null) };
}

async function invitationOf(tenantId: string, adminState: AdminState | null): Promise<ClientSummaryView["invitation"]> {
  if (adminState === null) return { state: "none" as const, expiresAt: null };
  if (adminState !== "invited") return { state: "accepted" as const, expiresAt: null };
  const admin = await db.user.findFirst({ where: { tenantId, role: "tenant_admin", status: "invited" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const latest = admin
    ? await db.accountToken.findFirst({ where: { userId: admin.id, purpose: "invite", usedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { expiresAt: true } })
    : null;
  if (!latest) return { state: "none" as const, expiresAt: null };
  return { state: latest.expiresAt > clock.now() ? ("pending" as const) : ("expired" as const), expiresAt: latest.expiresAt };
}
