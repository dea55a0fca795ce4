import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { downloadExport } from "@/server/tenants/exports/download-export";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** The session's tenant's lists as CSV (UTF-8 with BOM, for Excel). */
export async function GET(req: NextRequest) {
  return downloadExport(await currentUnrestrictedUser(), "lists", toLocale(req.cookies.get(LOCALE_COOKIE)?.value));
}
