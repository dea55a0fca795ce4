import type { SessionUser } from "@/server/auth/session-user";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import type { Locale } from "@/server/shared/locale";
import { csvResponse, jsonError, refusalResponse } from "@/server/tenants/imports/tenant-request";
import { clientsCsv } from "./clients-csv";
import { listClients } from "./list-clients";
import { ZListClientsRequest, type TListClientsRequest } from "./list-clients.types";

/** The dashboard's filters from a query string (?search=&status=&owner=&hasProblems=1&sort=&direction=). */
export function filtersFrom(params: URLSearchParams) {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const problems = value("hasProblems");
  return ZListClientsRequest.safeParse({
    search: value("search"),
    status: value("status"),
    owner: value("owner"),
    hasProblems: problems === undefined ? undefined : problems === "1" || problems === "true" ? true : problems === "0" || problems === "false" ? false : problems,
    sort: value("sort"),
    direction: value("direction"),
  });
}

/**
 * GET /api/resellers/clients/export: the reseller's dashboard (its tree only, as listClients
 * scopes it) with the same filters, as a CSV download. No session 401, another role 403, a
 * sub-reseller outside the caller's tree 404. A read, not audited.
 */
export async function downloadClientsCsv(user: SessionUser | null, params: URLSearchParams, locale: Locale): Promise<Response> {
  const en = locale === "en";
  if (!user) return jsonError(401, en ? "Sign in first" : "请先登录");
  if (user.role !== "reseller" || !user.resellerId) return jsonError(403, en ? "This area is not part of your role" : "您的角色无权访问此功能");
  const parsed = filtersFrom(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, issue ? `${issue.path.join(".")}: ${issue.message}` : "Bad filters");
  }
  try {
    const list = await listClients(user.resellerId, parsed.data satisfies TListClientsRequest);
    const timeZone = env().TZ_DEFAULT;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(clock.now());
    return csvResponse(clientsCsv(list.rows, locale, timeZone), `clients-${today}.csv`, `${en ? "clients" : "客户列表"}-${today}.csv`);
  } catch (e) {
    return refusalResponse(e, locale);
  }
}
