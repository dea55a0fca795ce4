import type { SessionUser } from "@/server/auth/session-user";
import { DomainError } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { ZMonth } from "../ledger/list-ledger-entries.types";
import { getStatement } from "./get-statement";
import { statementCsv, statementFileName } from "./statement-csv";

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

const NOT_FOUND = () => json(404, "Statement not found");

/** Whose statement the caller may download, or the response that refuses it. */
function scopeOf(user: SessionUser | null, asked: string | null): string | Response {
  if (!user) return json(401, "Sign in first");
  if (user.role === "tenant_admin" && user.tenantId) {
    // Another tenant's id looks exactly like an unknown one: never confirm it exists.
    return asked !== null && asked !== user.tenantId ? NOT_FOUND() : user.tenantId;
  }
  if (user.role === "operator") return asked ? asked : json(400, "Choose a tenant: add ?tenantId=<tenant id> to the address");
  return json(403, "Statements are for customers and operators");
}

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) alone). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * GET /api/billing/statements?month=YYYY-MM[&tenantId=…] as a CSV download. Kept apart from the
 * route file so tests can call it with any session user: the route only adds currentUser().
 */
export async function downloadStatement(user: SessionUser | null, params: URLSearchParams, locale: Locale): Promise<Response> {
  const scope = scopeOf(user, params.get("tenantId"));
  if (scope instanceof Response) return scope;
  const rawMonth = params.get("month");
  if (!rawMonth) return json(400, "Add the month: ?month=YYYY-MM, e.g. ?month=2026-11");
  const month = ZMonth.safeParse(rawMonth);
  if (!month.success) return json(400, month.error.issues[0]?.message ?? "Bad month");
  try {
    const statement = await getStatement(scope, month.data);
    const body = statementCsv(statement, locale);
    const name = statementFileName(statement.tenantName, statement.month);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        // An ASCII name for old clients, the tenant's own name (often Chinese) for the rest.
        "content-disposition": `attachment; filename="statement-${statement.tenantId}-${statement.month}.csv"; filename*=UTF-8''${rfc5987(name)}`,
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
