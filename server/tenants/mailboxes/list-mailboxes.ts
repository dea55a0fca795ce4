import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { subtreeIds } from "../departments/department-rules";
import { ZListMailboxesRequest, type TListMailboxesRequest, type TListMailboxesResponse } from "./list-mailboxes.types";
import { MAILBOX_VIEW_SELECT, toMailboxView } from "./mailbox-view";
import { likeLiteral } from "@/server/shared/like-literal";

/** The tenant's mailboxes, filtered and paged, by address. Filters naming another tenant's ids simply match nothing. */
export async function listMailboxes(tenantId: string, request: TListMailboxesRequest): Promise<TListMailboxesResponse> {
  const input = ZListMailboxesRequest.parse(request);
  const where: Prisma.MailboxWhereInput = { tenantId };
  if (input.search) where.OR = [{ address: { contains: likeLiteral(input.search.toLowerCase()) } }, { displayName: { contains: likeLiteral(input.search) } }];
  if (input.domainId) where.domainId = input.domainId;
  if (input.status) where.status = input.status;
  if (input.departmentId === "none") where.departmentId = null;
  else if (input.departmentId) {
    const departments = await db.department.findMany({ where: { tenantId }, select: { id: true, name: true, parentId: true } });
    where.departmentId = { in: departments.some((d) => d.id === input.departmentId) ? subtreeIds(input.departmentId, departments) : [] };
  }
  const [total, rows] = await Promise.all([
    db.mailbox.count({ where }),
    db.mailbox.findMany({ where, select: MAILBOX_VIEW_SELECT, orderBy: { address: "asc" }, skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { rows: rows.map(toMailboxView), total, page: input.page, pageSize: input.pageSize };
}
