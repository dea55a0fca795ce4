import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { downloadResellerStatement } from "@/server/resellers/account/download-reseller-statement";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** A month's reseller statement as CSV: a reseller gets its own, operators any reseller's. */
export async function GET(req: NextRequest) {
  const locale = toLocale(req.cookies.get(LOCALE_COOKIE)?.value);
  return downloadResellerStatement(await currentUnrestrictedUser(), req.nextUrl.searchParams, locale);
}
