import path from "node:path";
import { env } from "@/server/shared/env";

/** Where finished exports live: ${DATA_DIR}/exports (DATA_DIR may be relative to the cwd). */
export function exportsDir(): string {
  return path.resolve(env().DATA_DIR, "exports");
}

export function exportFileName(exportId: string): string {
  return `${exportId}.csv`;
}

/** The file for a stored name; basename() keeps a corrupt row from pointing outside the folder. */
export function exportFilePath(fileName: string): string {
  return path.join(exportsDir(), path.basename(fileName));
}
