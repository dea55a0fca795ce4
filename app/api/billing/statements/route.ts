import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { downloadStatement } from "@/server/billing/statements/download-statement";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** A month's statement as CSV: customers get their own tenant's, operators any tenant's. */
export async function GET(req: NextRequest) {
  const locale = toLocale(req.cookies.get(LOCALE_COOKIE)?.value);
  return downloadStatement(await currentUnrestrictedUser(), req.nextUrl.searchParams, locale);
}
