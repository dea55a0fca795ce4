import type { SessionUser } from "@/server/auth/session-user";
import type { Locale } from "@/server/shared/locale";
import { jsonError, monthlyCsvDownload, statementNotFound } from "@/server/billing/statements/monthly-csv-download";
import { getResellerStatement } from "./get-reseller-statement";
import { resellerStatementCsv, resellerStatementFileName } from "./reseller-statement-csv";

/** Whose statement the caller may download: a reseller its own only (not even its sub-resellers'), an operator any. */
function scopeOf(user: SessionUser | null, asked: string | null): string | Response {
  if (!user) return jsonError(401, "Sign in first");
  if (user.role === "reseller" && user.resellerId) return asked !== null && asked !== user.resellerId ? statementNotFound() : user.resellerId;
  if (user.role === "operator") return asked ? asked : jsonError(400, "Choose a reseller: add ?resellerId=<reseller id> to the address");
  return jsonError(403, "Reseller statements are for resellers and operators");
}

/** GET /api/resellers/statements?month=YYYY-MM[&resellerId=…] as a CSV download (the route adds currentUser()). */
export async function downloadResellerStatement(user: SessionUser | null, params: URLSearchParams, locale: Locale): Promise<Response> {
  return monthlyCsvDownload(scopeOf(user, params.get("resellerId")), params, async (resellerId, month) => {
    const statement = await getResellerStatement(resellerId, month);
    return {
      body: resellerStatementCsv(statement, locale),
      asciiName: `reseller-statement-${statement.resellerId}-${statement.month}.csv`,
      name: resellerStatementFileName(statement.resellerName, statement.month),
    };
  });
}
