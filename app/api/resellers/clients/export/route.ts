import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { downloadClientsCsv } from "@/server/resellers/clients/download-clients-csv";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** The reseller's clients (its tree, with the dashboard's filters) as CSV (UTF-8 with BOM, for Excel). */
export async function GET(req: NextRequest) {
  return downloadClientsCsv(await currentUnrestrictedUser(), req.nextUrl.searchParams, toLocale(req.cookies.get(LOCALE_COOKIE)?.value));
}
