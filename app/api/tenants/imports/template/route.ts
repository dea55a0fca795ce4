import { importTemplate } from "@/server/tenants/imports/download-import-files";

/** The import template: the same for everyone, nothing of any tenant's in it. */
export function GET() {
  return importTemplate();
}
