import type { SessionUser } from "@/server/auth/session-user";
import type { Locale } from "@/server/shared/locale";
import { DomainError } from "@/server/shared/errors";
import { assertResellerOwnsTenant } from "@/server/resellers/assert-reseller-owns-tenant";
import { getStatement } from "./get-statement";
import { jsonError, monthlyCsvDownload, statementNotFound } from "./monthly-csv-download";
import { statementCsv, statementFileName } from "./statement-csv";

/**
 * Whose statement the caller may download, or the response that refuses it. A reseller downloads
 * a client's (the client's billing page it acts on): only within its tree, anything else looking
 * like an unknown tenant.
 */
async function scopeOf(user: SessionUser | null, asked: string | null): Promise<string | Response> {
  if (!user) return jsonError(401, "Sign in first");
  if (user.role === "tenant_admin" && user.tenantId) {
    // Another tenant's id looks exactly like an unknown one: never confirm it exists.
    return asked !== null && asked !== user.tenantId ? statementNotFound() : user.tenantId;
  }
  if (user.role === "operator") return asked ? asked : jsonError(400, "Choose a tenant: add ?tenantId=<tenant id> to the address");
  if (user.role === "reseller" && user.resellerId) {
    if (!asked) return jsonError(400, "Choose a client: add ?tenantId=<tenant id> to the address");
    try {
      await assertResellerOwnsTenant(user.resellerId, asked);
      return asked;
    } catch (e) {
      if (e instanceof DomainError && e.code === "NOT_FOUND") return statementNotFound();
      throw e;
    }
  }
  return jsonError(403, "Statements are for customers, their resellers and operators");
}

/**
 * GET /api/billing/statements?month=YYYY-MM[&tenantId=…] as a CSV download. Kept apart from the
 * route file so tests can call it with any session user: the route only adds currentUser().
 */
export async function downloadStatement(user: SessionUser | null, params: URLSearchParams, locale: Locale): Promise<Response> {
  return monthlyCsvDownload(await scopeOf(user, params.get("tenantId")), params, async (tenantId, month) => {
    const statement = await getStatement(tenantId, month);
    return {
      body: statementCsv(statement, locale),
      asciiName: `statement-${statement.tenantId}-${statement.month}.csv`,
      name: statementFileName(statement.tenantName, statement.month),
    };
  });
}
