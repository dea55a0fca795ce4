// Shared by the import and export integration tests: a DATA_DIR of their own, CSV files in
// UTF-8 or GBK, and the upload → apply → run sequence. Not imported by application code.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { resetEnvCache } from "@/server/shared/env";
import type { ConsoleTenant } from "../tenant-test-fixtures";
import { applyImport } from "./apply-import";
import { TEMPLATE_HEADER } from "./import-columns";
import { runImport } from "./run-import";
import { uploadImport } from "./upload-import";

/** Call at the top of a test file: imports write under ${DATA_DIR}/imports. */
export async function useTempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "mailstead-import-test-"));
  process.env.DATA_DIR = dir;
  resetEnvCache();
  return dir;
}

/** A CSV file's bytes: the template's header (unless given) and rows, in UTF-8 (with a BOM if asked) or GBK. */
export function csvFile(rows: string[][], opts: { encoding?: "utf-8" | "gbk"; bom?: boolean; header?: string[] } = {}): Uint8Array {
  const text = stringify([opts.header ?? TEMPLATE_HEADER, ...rows]);
  if (opts.encoding === "gbk") return iconv.encode(text, "gbk");
  return Buffer.from((opts.bom ? "\uFEFF" : "") + text, "utf8");
}

/** `n` valid rows on the tenant's domain, in departments 部门0…部门4 / 组0…1, without passwords. */
export function manyRows(domain: string, n: number, prefix = "user"): string[][] {
  return Array.from({ length: n }, (_, i) => [`${prefix}${i}@${domain}`, `用户${i}`, `部门${i % 5}/组${i % 2}`, "", i % 3 === 0 ? "13800138000" : ""]);
}

export const INITIAL_PASSWORD = "Import#2026x";

export const upload = (t: ConsoleTenant, bytes: Uint8Array, name = "staff.csv") => uploadImport(t.actor, t.tenant.id, { name, bytes }, "en");

/** Upload, apply and run the job in-process (no worker): the whole import, as the page does it. */
export async function importAll(t: ConsoleTenant, bytes: Uint8Array, name = "staff.csv") {
  const uploaded = await upload(t, bytes, name);
  await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
  await runImport(uploaded.id);
  return uploaded.id;
}
