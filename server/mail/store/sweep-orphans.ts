import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { RowDataPacket } from "mysql2/promise";
import { storeRoot } from "@/server/mail/paths";
import { clock } from "@/server/shared/clock";
import { logger } from "@/server/shared/logger";
import { removeFile } from "./message-files";
import { messageIdOfFile } from "./message-path";
import { storePool } from "./store-db";

// Files without a MailMessage row are crash leftovers: written and fsynced, but the engine died
// (or the commit failed) before the rows were committed, so no client got a 250 for them and no
// reader can see them. The threshold keeps the sweep away from messages being committed now.

const log = logger("mail.store");
const CHUNK = 500;

async function* storeFiles(dir: string): AsyncGenerator<{ absolute: string; name: string }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const e of entries) {
    const absolute = path.join(dir, e.name);
    if (e.isDirectory()) yield* storeFiles(absolute);
    else if (e.isFile()) yield { absolute, name: e.name };
  }
}

async function withoutRows(candidates: Map<string, string>): Promise<string[]> {
  const ids = [...candidates.keys()];
  const [rows] = await storePool().query<RowDataPacket[]>("SELECT `id` FROM `MailMessage` WHERE `id` IN (?)", [ids]);
  const known = new Set(rows.map((r) => String(r.id)));
  return ids.filter((id) => !known.has(id)).map((id) => candidates.get(id) ?? "");
}

/** Removes store files older than `olderThanMs` that have no MailMessage row; returns how many. */
export async function sweepOrphanFiles(olderThanMs = 3600_000): Promise<number> {
  const cutoff = clock.now().getTime() - olderThanMs;
  let removed = 0;
  let batch = new Map<string, string>();
  const flush = async () => {
    for (const file of await withoutRows(batch)) {
      await removeFile(file);
      removed++;
    }
    batch = new Map();
  };
  for await (const f of storeFiles(storeRoot())) {
    const id = messageIdOfFile(f.name);
    if (!id) {
      log.warn("a file in the mail store is not a message; left alone", { path: f.absolute });
      continue;
    }
    if ((await stat(f.absolute)).mtimeMs > cutoff) continue;
    batch.set(id, f.absolute);
    if (batch.size >= CHUNK) await flush();
  }
  if (batch.size) await flush();
  if (removed) log.info("swept orphan files from the mail store", { removed });
  return removed;
}
