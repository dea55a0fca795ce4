import { DomainError } from "@/server/shared/errors";
import { ZMonth } from "../ledger/list-ledger-entries.types";

// The HTTP side of a month's statement as CSV, shared by the tenants' and the resellers' downloads:
// each keeps only its own rule of whose statement the caller may have and how the file is built.

export const jsonError = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** Another owner's id looks exactly like an unknown one: never confirm it exists. */
export const statementNotFound = () => jsonError(404, "Statement not found");

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) alone). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export type MonthlyCsv = { body: string; asciiName: string; name: string };

/**
 * `?month=YYYY-MM` for the owner `scope` (or the refusal already decided) as a CSV download; the
 * builder's NOT_FOUND and BAD_INPUT become 404 and 400, anything else is thrown on.
 */
export async function monthlyCsvDownload(
  scope: string | Response,
  params: URLSearchParams,
  build: (owner: string, month: string) => Promise<MonthlyCsv>,
): Promise<Response> {
  if (scope instanceof Response) return scope;
  const rawMonth = params.get("month");
  if (!rawMonth) return jsonError(400, "Add the month: ?month=YYYY-MM, e.g. ?month=2026-11");
  const month = ZMonth.safeParse(rawMonth);
  if (!month.success) return jsonError(400, month.error.issues[0]?.message ?? "Bad month");
  try {
    const { body, asciiName, name } = await build(scope, month.data);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        // An ASCII name for old clients, the owner's own name (often Chinese) for the rest.
        "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(name)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return statementNotFound();
    if (e instanceof DomainError && e.code === "BAD_INPUT") return jsonError(400, e.message);
    throw e;
  }
}
