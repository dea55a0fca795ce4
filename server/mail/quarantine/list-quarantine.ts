import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DomainError, say, type Localized } from "@/server/shared/errors";
import { decodeQuarantineCursor, encodeQuarantineCursor } from "./quarantine-cursor";
import { QUARANTINE_ROW_SELECT, toQuarantineRow } from "./quarantine-rows";
import { scopeWhere, type QuarantineScope } from "./quarantine-scope";
import type { QuarantineListRequest, QuarantinePage } from "./quarantine.types";
import { likeLiteral } from "@/server/shared/like-literal";

// 隔离区: a tenant admin's list is every entry of the tenant, a mailbox user's their own. Newest
// first, 50 at a time by a keyset cursor on (receivedAt, id), which the (tenantId, receivedAt)
// and (mailboxId, receivedAt) indexes serve. A tenant's quarantine holds at most 30 days of
// held mail, so the "contains" filters on sender and recipient scan a bounded set.

export const QUARANTINE_PAGE_SIZE = 50;

function checkRequest(request: QuarantineListRequest) {
  const problems: Record<string, Localized[]> = {};
  const cursor = request.cursor === undefined ? undefined : decodeQuarantineCursor(request.cursor);
  if (cursor === null) problems.cursor = [say("not a cursor this list returned; start again from the first page", "不是本列表返回的翻页位置，请从第一页重新开始")];
  if (request.from && request.to && Date.parse(request.from) > Date.parse(request.to)) {
    problems.to = [say("the end of the date range is before its start", "结束日期早于开始日期")];
  }
  if (Object.keys(problems).length) throw new DomainError("BAD_INPUT", say("Some filters are not valid", "部分筛选条件有误"), problems);
  return cursor ?? undefined;
}

/** One page of the scope's quarantine with the tenant's time zone (the pages show times in it). */
export async function listQuarantine(scope: QuarantineScope, request: QuarantineListRequest): Promise<QuarantinePage> {
  const cursor = checkRequest(request);
  const and: Prisma.QuarantineItemWhereInput[] = [scopeWhere(scope)];
  and.push(request.state === "released" ? { releasedAt: { not: null } } : { releasedAt: null });
  if (request.kind) and.push({ kind: request.kind });
  if (request.sender) and.push({ sender: { contains: likeLiteral(request.sender) } });
  if (request.recipient) and.push({ OR: [{ rcpt: { contains: likeLiteral(request.recipient) } }, { mailbox: { address: { contains: likeLiteral(request.recipient) } } }] });
  if (request.from) and.push({ receivedAt: { gte: new Date(request.from) } });
  if (request.to) and.push({ receivedAt: { lte: new Date(request.to) } });
  if (cursor) and.push({ OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }] });

  const [tenant, found] = await Promise.all([
    db.tenant.findUnique({ where: { id: scope.tenantId }, select: { timeZone: true } }),
    db.quarantineItem.findMany({
      where: { AND: and },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: QUARANTINE_PAGE_SIZE + 1,
      select: QUARANTINE_ROW_SELECT,
    }),
  ]);
  const page = found.slice(0, QUARANTINE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map(toQuarantineRow),
    nextCursor: found.length > QUARANTINE_PAGE_SIZE && last ? encodeQuarantineCursor({ receivedAt: last.receivedAt, id: last.id }) : null,
    timeZone: tenant?.timeZone ?? "UTC",
  };
}
