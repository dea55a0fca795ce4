import { readdir } from "node:fs/promises";
import path from "node:path";
import { storeRoot } from "@/server/mail/paths";
import { db } from "@/server/shared/db";

// Checks shared by the store's integration tests. Not imported by application code.

/** Every file under the store root, relative to it. */
export async function storeFileList(dir = storeRoot()): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.relative(dir, path.join(d, e.name)));
    }
  };
  await walk(dir);
  return out.sort();
}

/** Mailboxes whose usedBytes differs from the sum of their StoredMessage sizes. */
export async function usedBytesMismatches(): Promise<{ id: string; usedBytes: bigint; stored: bigint }[]> {
  return db.$queryRawUnsafe(
    "SELECT b.id, b.usedBytes, CAST(COALESCE(SUM(s.size), 0) AS SIGNED) AS stored FROM Mailbox b LEFT JOIN StoredMessage s ON s.mailboxId = b.id GROUP BY b.id, b.usedBytes HAVING b.usedBytes <> stored",
  );
}
