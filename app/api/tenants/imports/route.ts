import type { NextRequest } from "next/server";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { uploadImportRequest } from "@/server/tenants/imports/upload-import-request";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";

export const dynamic = "force-dynamic";

/** Upload a mailbox import CSV (raw body, ?name=<file name>); answers the validated import. */
export async function POST(req: NextRequest) {
  return uploadImportRequest(await currentUnrestrictedUser(), req, toLocale(req.cookies.get(LOCALE_COOKIE)?.value));
}
