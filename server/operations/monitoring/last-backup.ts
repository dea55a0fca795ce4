import { db } from "@/server/shared/db";

// The latest successful configuration backup (BackupRun, server/operations/backups). Raw SQL, and
// a database that has not been migrated to the backups table yet answers "none" rather than
// failing the whole scrape: monitoring must work on every deployment step.

export type LastBackup = { finishedAt: Date | null; failedSince: number };

const NO_TABLE = 1146; // ER_NO_SUCH_TABLE

function isMissingTable(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return text.includes(String(NO_TABLE)) || /doesn't exist/i.test(text);
}

/** When the last backup succeeded, and how many failed runs came after it. */
export async function lastBackup(): Promise<LastBackup | null> {
  try {
    const [ok] = await db.$queryRawUnsafe<{ finishedAt: Date | null }[]>(
      "SELECT MAX(finishedAt) AS finishedAt FROM BackupRun WHERE status = 'succeeded'",
    );
    const finishedAt = ok?.finishedAt ?? null;
    const [failed] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
      "SELECT COUNT(*) AS n FROM BackupRun WHERE status = 'failed' AND startedAt > ?",
      finishedAt ?? new Date(0),
    );
    return { finishedAt, failedSince: Number(failed?.n ?? 0) };
  } catch (e) {
    if (isMissingTable(e)) return null;
    throw e;
  }
}
