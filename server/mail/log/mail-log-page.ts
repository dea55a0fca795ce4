import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { encodeCursor, type MailLogCursor } from "./mail-log-cursor";
import type { MailLogFilters } from "./mail-log-filters";
import { MAIL_LOG_INDEX, planMailLogQuery, type MailLogScope } from "./mail-log-plan";
import { toMailLogRow, type MailLogDbRow, type MailLogRow } from "./mail-log-row";
import { isStatementTimeout, timed } from "./statement-time-limit";

export const MAIL_LOG_PAGE_SIZE = 50;
/**
 * Index entries per chunk when a filter has no index (subject contains, type, a second exact
 * filter). Each entry costs a primary-key lookup to test the row — from disk when the table is
 * larger than the buffer pool — so a chunk is kept small: 250 random reads stay well under the
 * budget even cold, and the first chunk (which always runs) is most of a worst-case page.
 */
export const MAIL_LOG_SCAN_ROWS = 250;
/**
 * A search with such filters reads chunk after chunk until its page is full, the range ends,
 * or this much time has gone (MariaDB's max_statement_time stops a chunk that overruns it);
 * then it answers with what it found and "searched back to <time>; load more". Worst case: one
 * chunk plus this budget, whatever the word. npm run bench:maillog measures both.
 */
export const MAIL_LOG_SCAN_BUDGET_MS = 60;

export type MailLogPage = {
  rows: MailLogRow[];
  /** Pass back as `cursor` for the next page; null when the range has no more lines. */
  nextCursor: string | null;
  /**
   * Set when the page stopped at its scan budget before filling: lines newer than this were all
   * searched, older ones not yet ("searched back to <time>; load more").
   */
  searchedUntil: Date | null;
  /** The range searched (from clamped to the retention edge). */
  from: Date;
  to: Date | null;
};

export type MailLogRange = { from: Date; to: Date | null };

/** LIKE pattern for "contains", with the user's own % _ \ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const before = (c: MailLogCursor) => Prisma.sql`AND receivedAt <= ${c.receivedAt} AND (receivedAt < ${c.receivedAt} OR id < ${c.id})`;
const notBefore = (c: MailLogCursor) => Prisma.sql`AND receivedAt >= ${c.receivedAt} AND (receivedAt > ${c.receivedAt} OR id >= ${c.id})`;

/** The conditions the chosen index answers: equality on its leading columns, the range and the cursor. */
function walkConditions(scope: MailLogScope, filters: MailLogFilters, index: keyof typeof MAIL_LOG_INDEX, range: MailLogRange): Prisma.Sql {
  const lead =
    index === "mailbox"
      ? Prisma.sql`mailboxId = ${scope.mailboxId}`
      : index === "time"
        ? Prisma.sql`tenantId = ${scope.tenantId}`
        : Prisma.sql`tenantId = ${scope.tenantId} AND ${Prisma.raw(index)} = ${filters[index]}`;
  return Prisma.sql`${lead} AND receivedAt >= ${range.from} ${range.to ? Prisma.sql`AND receivedAt <= ${range.to}` : Prisma.empty} ${filters.cursor ? before(filters.cursor) : Prisma.empty}`;
}

function residualConditions(filters: MailLogFilters, residual: readonly string[]): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const key of residual) {
    if (key === "subject") parts.push(Prisma.sql`AND subject LIKE ${containsPattern(filters.subject!)}`);
    else parts.push(Prisma.sql`AND ${Prisma.raw(key)} = ${filters[key as "sender" | "recipient" | "status" | "direction"]}`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The page's statements: the scan bound (only with residual filters) and the page itself. */
export function mailLogStatements(scope: MailLogScope, filters: MailLogFilters, range: MailLogRange) {
  const plan = planMailLogQuery(scope, filters);
  const index = Prisma.raw(`FORCE INDEX (${MAIL_LOG_INDEX[plan.index]})`);
  const walk = walkConditions(scope, filters, plan.index, range);
  const order = Prisma.sql`ORDER BY receivedAt DESC, id DESC`;
  // tenantId again for a mailbox user's walk: their mailbox's lines are their tenant's anyway,
  // but the scope is then enforced by the query itself, not only by where mailboxId came from.
  const tenantGuard = plan.index === "mailbox" ? Prisma.sql`AND tenantId = ${scope.tenantId}` : Prisma.empty;
  return {
    plan,
    // From the index alone (no row reads): where MAIL_LOG_SCAN_ROWS entries of the walk end.
    scanBound:
      plan.residual.length > 0
        ? Prisma.sql`SELECT receivedAt, id FROM MessageEvent ${index} WHERE ${walk} ${order} LIMIT 1 OFFSET ${MAIL_LOG_SCAN_ROWS - 1}`
        : null,
    page: (bound: MailLogCursor | null, limit = MAIL_LOG_PAGE_SIZE + 1) => Prisma.sql`
      SELECT id, messageId, receivedAt, direction, subject, sender, recipient, status, reason, history
      FROM MessageEvent ${index}
      WHERE ${walk} ${tenantGuard} ${bound ? notBefore(bound) : Prisma.empty} ${residualConditions(filters, plan.residual)}
      ${order} LIMIT ${limit}`,
  };
}

/**
 * One page of a scope's delivery log, newest first, keyset-paged on (receivedAt, id). No count:
 * the page says whether more lines follow, which is all "load more" needs. With filters the
 * index cannot answer, rows are tested a chunk at a time (each chunk's end found from the index
 * alone) within the scan budget: the first chunk always runs, so every page moves on; later
 * ones only in the time left, and MariaDB stops one that overruns it. A rare word thus costs
 * one chunk plus the budget at most, and the page says how far back it searched.
 */
export async function readMailLogPage(
  scope: MailLogScope,
  filters: MailLogFilters,
  range: MailLogRange,
  opts: { scanBudgetMs?: number } = {},
): Promise<MailLogPage> {
  const deadline = performance.now() + (opts.scanBudgetMs ?? MAIL_LOG_SCAN_BUDGET_MS);
  const found: MailLogDbRow[] = [];
  // The last line examined so far: where the next page starts.
  let examined: MailLogCursor | null = filters.cursor ?? null;
  let rangeEnded = false;
  for (let chunk = 0; found.length <= MAIL_LOG_PAGE_SIZE; chunk++) {
    const left = chunk === 0 ? null : deadline - performance.now();
    if (left !== null && left <= 0) break;
    const statements = mailLogStatements(scope, { ...filters, cursor: examined ?? undefined }, range);
    let bound: MailLogCursor | null = null;
    try {
      if (statements.scanBound) {
        const edge = (await db.$queryRaw<{ receivedAt: Date; id: bigint }[]>(timed(statements.scanBound, left)))[0];
        bound = edge ? { receivedAt: edge.receivedAt, id: BigInt(edge.id) } : null;
      }
      found.push(...(await db.$queryRaw<MailLogDbRow[]>(timed(statements.page(bound, MAIL_LOG_PAGE_SIZE + 1 - found.length), left))));
    } catch (e) {
      if (left !== null && isStatementTimeout(e)) break;
      throw e;
    }
    if (!bound) {
      rangeEnded = true;
      break;
    }
    examined = bound;
  }
  const rows = found.slice(0, MAIL_LOG_PAGE_SIZE).map(toMailLogRow);
  const full = found.length > MAIL_LOG_PAGE_SIZE;
  const last = rows[rows.length - 1];
  const stopped = !full && !rangeEnded && examined !== null;
  return {
    rows,
    nextCursor: full && last ? last.key : stopped ? encodeCursor(examined!) : null,
    searchedUntil: stopped ? examined!.receivedAt : null,
    from: range.from,
    to: range.to,
  };
}
