import type { SessionUser } from "@/server/auth/session-user";
import { DomainError } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { ZMonth } from "@/server/billing/ledger/list-ledger-entries.types";
import { getResellerStatement } from "./get-reseller-statement";
import { resellerStatementCsv, resellerStatementFileName } from "./reseller-statement-csv";

const json = (status: number, error: string) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
const NOT_FOUND = () => json(404, "Statement not found");

/** Whose statement the caller may download: a reseller its own only (not even its sub-resellers'), an operator any. */
function scopeOf(user: SessionUser | null, asked: string | null): string | Response {
  if (!user) return json(401, "Sign in first");
  if (user.role === "reseller" && user.resellerId) return asked !== null && asked !== user.resellerId ? NOT_FOUND() : user.resellerId;
  if (user.role === "operator") return asked ? asked : json(400, "Choose a reseller: add ?resellerId=<reseller id> to the address");
  return json(403, "Reseller statements are for resellers and operators");
}

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** GET /api/resellers/statements?month=YYYY-MM[&resellerId=…] as a CSV download (the route adds currentUser()). */
export async function downloadResellerStatement(user: SessionUser | null, params: URLSearchParams, locale: Locale): Promise<Response> {
  const scope = scopeOf(user, params.get("resellerId"));
  if (scope instanceof Response) return scope;
  const rawMonth = params.get("month");
  if (!rawMonth) return json(400, "Add the month: ?month=YYYY-MM, e.g. ?month=2026-11");
  const month = ZMonth.safeParse(rawMonth);
  if (!month.success) return json(400, month.error.issues[0]?.message ?? "Bad month");
  try {
    const statement = await getResellerStatement(scope, month.data);
    const name = resellerStatementFileName(statement.resellerName, statement.month);
    return new Response(resellerStatementCsv(statement, locale), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="reseller-statement-${statement.resellerId}-${statement.month}.csv"; filename*=UTF-8''${rfc5987(name)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return NOT_FOUND();
    if (e instanceof DomainError && e.code === "BAD_INPUT") return json(400, e.message);
    throw e;
  }
}
