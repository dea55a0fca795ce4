import type { Prisma } from "@/server/generated/prisma/client.ts";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";

/**
 * Who reads: a portal user (operator, reseller staff, tenant admin) or a mailbox user on the
 * self-service page. `id` is the reader id their read marks are kept under.
 */
export type Reader =
  | { kind: "operator"; id: string }
  | { kind: "reseller"; id: string; resellerId: string }
  | { kind: "tenant_admin"; id: string; tenantId: string }
  | { kind: "mailbox"; id: string; tenantId: string };

export function readerOf(user: SessionUser): Reader {
  if (user.role === "operator") return { kind: "operator", id: user.id };
  if (user.role === "reseller" && user.resellerId) return { kind: "reseller", id: user.id, resellerId: user.resellerId };
  if (user.role === "tenant_admin" && user.tenantId) return { kind: "tenant_admin", id: user.id, tenantId: user.tenantId };
  if (user.role === "mailbox_user" && user.mailboxId && user.tenantId) return { kind: "mailbox", id: user.mailboxId, tenantId: user.tenantId };
  throw new DomainError("FORBIDDEN", say("This account reads no announcements", "此帐号没有公告"));
}

const targeted = (ids: string[]): Prisma.AnnouncementWhereInput => ({ targets: { some: { targetId: { in: ids } } } });

/**
 * Everything the reader is addressed by, as one Prisma condition (time and deletion aside, see
 * feed-where). The reader's context (a tenant's reseller and that reseller's parent, a mailbox's
 * department and its ancestors) is looked up first, so the feed itself is one query:
 * - operators: every platform announcement (they publish them and see what readers see);
 * - reseller staff: platform ones for all portal users or for resellers;
 * - tenant admins: platform ones for all, for tenants, for the clients of their reseller or its
 *   parent, or naming their tenant; their reseller's or its parent's for all clients or naming
 *   their tenant; every internal one of their tenant;
 * - mailbox users: their tenant's internal ones for everyone or naming their department or one
 *   above it. Platform and reseller announcements are for portal users only.
 */
export async function audienceWhere(reader: Reader): Promise<Prisma.AnnouncementWhereInput> {
  switch (reader.kind) {
    case "operator":
      return { scope: "platform" };
    case "reseller":
      return { scope: "platform", audience: { in: ["all", "resellers"] } };
    case "tenant_admin": {
      const chain = await resellerChain(reader.tenantId);
      const fromResellers: Prisma.AnnouncementWhereInput[] = chain.length
        ? [
            { scope: "platform", audience: "reseller_clients", audienceResellerId: { in: chain } },
            { scope: "reseller", resellerId: { in: chain }, OR: [{ audience: "all" }, { audience: "chosen_tenants", ...targeted([reader.tenantId]) }] },
          ]
        : [];
      return {
        OR: [
          { scope: "platform", audience: { in: ["all", "tenants"] } },
          { scope: "platform", audience: "chosen_tenants", ...targeted([reader.tenantId]) },
          ...fromResellers,
          { scope: "tenant", tenantId: reader.tenantId },
        ],
      };
    }
    case "mailbox": {
      const departments = await departmentChain(reader.id, reader.tenantId);
      return {
        scope: "tenant",
        tenantId: reader.tenantId,
        OR: [{ audience: "all" }, ...(departments.length ? [{ audience: "departments", ...targeted(departments) }] : [])],
      };
    }
  }
}

/** The tenant's reseller and that reseller's parent (the tree is one level deep): both address it. */
async function resellerChain(tenantId: string): Promise<string[]> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { reseller: { select: { id: true, parentId: true } } } });
  const r = tenant?.reseller;
  return r ? [r.id, ...(r.parentId ? [r.parentId] : [])] : [];
}

/** The mailbox's department and every department above it: an announcement to a department reaches its sub-departments. */
async function departmentChain(mailboxId: string, tenantId: string): Promise<string[]> {
  const mailbox = await db.mailbox.findFirst({ where: { id: mailboxId, tenantId }, select: { departmentId: true } });
  if (!mailbox?.departmentId) return [];
  const all = await db.department.findMany({ where: { tenantId }, select: { id: true, parentId: true } });
  const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
  const chain: string[] = [];
  for (let id: string | null | undefined = mailbox.departmentId; id && !chain.includes(id); id = parentOf.get(id)) chain.push(id);
  return chain;
}
