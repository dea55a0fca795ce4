import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/server/shared/env";

// What an import keeps on disk, under ${DATA_DIR}/imports: the validated rows (<id>.rows.json),
// what the apply step needs (<id>.apply.json), each applied chunk's outcomes
// (<id>.chunk-<n>.json) and the result file people download (<id>.result.csv). Only the result
// file stays once the import is done.

export function importsDir(): string {
  return path.resolve(env().DATA_DIR, "imports");
}

/** basename() keeps an id from pointing outside the folder. */
export const importFile = (importId: string, suffix: string) => path.join(importsDir(), `${path.basename(importId)}.${suffix}`);
export const rowsFile = (id: string) => importFile(id, "rows.json");
export const applyFile = (id: string) => importFile(id, "apply.json");
export const chunkFile = (id: string, chunk: number) => importFile(id, `chunk-${chunk}.json`);
export const resultFile = (id: string) => importFile(id, "result.csv");

/** Written to a temporary name and renamed, so a reader never sees half a file. Owner-only. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, file);
}

export const writeJson = (file: string, value: unknown) => writeFileAtomic(file, JSON.stringify(value));

export async function readJson<T>(file: string): Promise<T | null> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  return text === null ? null : (JSON.parse(text) as T);
}

/** Removes the working files of a finished import (the rows hold sealed passwords). */
export async function removeWorkingFiles(importId: string, chunks: number): Promise<void> {
  const files = [rowsFile(importId), applyFile(importId), ...Array.from({ length: chunks }, (_, n) => chunkFile(importId, n))];
  await Promise.all(files.map((f) => rm(f, { force: true })));
}

// Per-row passwords wait on disk between validation and apply (hashing 10,000 of them at upload
// would take minutes). They are sealed with AES-256-GCM under a key derived from AUTH_SECRET, so
// a copy of DATA_DIR alone does not reveal them, and they are deleted when the import ends.
const key = () => createHash("sha256").update(`mailstead:import-passwords:${env().AUTH_SECRET}`).digest();

export function sealPassword(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${body.toString("base64")}`;
}

export function unsealPassword(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed import password");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}
