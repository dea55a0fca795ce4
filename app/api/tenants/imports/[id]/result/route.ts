import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { downloadImportResult } from "@/server/tenants/imports/download-import-files";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** An import's result file (each row's outcome), for the tenant that ran it only. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadImportResult(await currentUnrestrictedUser(), id, toLocale(req.cookies.get(LOCALE_COOKIE)?.value));
}
