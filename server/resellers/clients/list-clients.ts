import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { resellersInTree } from "../reseller-tree";
import type { ClientRow, ResellerOption } from "./client-row.types";
import { loadClientRows } from "./load-client-rows";
import type { ClientList, ClientSummary, ClientTotals, TListClientsRequest } from "./list-clients.types";

// Chinese names in pinyin order, as people look them up (the database collation orders by code point).
const collator = new Intl.Collator("zh-CN", { numeric: true });

/** The caller and its sub-resellers by name, the caller first. */
export async function resellerOptions(resellerId: string, tree: string[]): Promise<ResellerOption[]> {
  const rows = await db.reseller.findMany({ where: { id: { in: tree } }, select: { id: true, name: true } });
  const options = rows.map((r) => ({ resellerId: r.id, name: r.name, isSelf: r.id === resellerId })).sort((a, b) => collator.compare(a.name, b.name));
  return [...options.filter((o) => o.isSelf), ...options.filter((o) => !o.isSelf)];
}

/** Which owners the filter keeps: "self", a sub-reseller of the caller, or (absent) the whole tree. */
function ownersFor(resellerId: string, tree: string[], owner: string | undefined): string[] {
  if (!owner) return tree;
  if (owner === "self") return [resellerId];
  if (!tree.includes(owner)) {
    const text = say("Sub-reseller not found", "下级经销商不存在");
    throw new DomainError("NOT_FOUND", text, { owner: [text] });
  }
  return [owner];
}

const problemScore = (r: ClientRow) => r.problemDomains.count + r.slaBreaches + Number(r.lowBalance);

const KEYS: Record<TListClientsRequest["sort"], (a: ClientRow, b: ClientRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  createdAt: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  seats: (a, b) => (a.seats ?? 0) - (b.seats ?? 0),
  balance: (a, b) => a.balance - b.balance,
  paidThrough: (a, b) => (a.paidThroughDay ?? "").localeCompare(b.paidThroughDay ?? ""),
  problems: (a, b) => problemScore(a) - problemScore(b),
};

function sortRows(rows: ClientRow[], sort: TListClientsRequest["sort"], direction: TListClientsRequest["direction"]): ClientRow[] {
  const sign = direction === "desc" ? -1 : 1;
  const compare = (a: ClientRow, b: ClientRow) => {
    // Clients without a paid-through date stay last in both directions: they say nothing about it.
    if (sort === "paidThrough" && (a.paidThroughDay === null) !== (b.paidThroughDay === null)) return a.paidThroughDay === null ? 1 : -1;
    return sign * KEYS[sort](a, b);
  };
  return [...rows].sort((a, b) => compare(a, b) || collator.compare(a.name, b.name) || a.tenantId.localeCompare(b.tenantId));
}

export function totalsOf(rows: ClientRow[]): ClientTotals {
  return { clients: rows.length, seats: rows.reduce((s, r) => s + (r.seats ?? 0), 0), balance: rows.reduce((s, r) => s + r.balance, 0) };
}

function summaryOf(rows: ClientRow[]): ClientSummary {
  const byStatus = { active: 0, suspended: 0, frozen: 0 };
  for (const r of rows) byStatus[r.status] += 1;
  return { ...totalsOf(rows), withProblems: rows.filter((r) => r.hasProblems).length, byStatus };
}

/**
 * The reseller's dashboard: every client in its tree (its own and its sub-resellers'), filtered
 * and sorted. Filtering happens after loading because "has problems" is computed; the loader
 * stays a few grouped queries, so hundreds of clients cost the same handful of round trips.
 */
export async function listClients(resellerId: string, input: TListClientsRequest): Promise<ClientList> {
  const tree = await resellersInTree(resellerId);
  const owners = new Set(ownersFor(resellerId, tree, input.owner));
  const [all, resellers] = await Promise.all([loadClientRows(resellerId, { resellerId: { in: tree } }), resellerOptions(resellerId, tree)]);
  const needle = input.search?.toLocaleLowerCase();
  const shown = all.filter(
    (r) =>
      owners.has(r.owner.resellerId) &&
      (!needle || r.name.toLocaleLowerCase().includes(needle)) &&
      (!input.status || r.status === input.status) &&
      (input.hasProblems === undefined || r.hasProblems === input.hasProblems),
  );
  const rows = sortRows(shown, input.sort, input.direction);
  return { rows, totals: totalsOf(rows), summary: summaryOf(all), resellers };
}
