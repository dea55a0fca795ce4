import { rename } from "node:fs/promises";
import type { Localized } from "@/server/shared/errors";
import { chunkFile, importFile, readJson, writeJson } from "./import-files";

// Each applied row's outcome. A chunk's outcomes are written to <id>.chunk-<n>.json.pending
// inside its transaction and renamed once it commits, so a retried job knows exactly which
// chunks are in the database (the row's processedRows says so) and has each one's outcomes.

export type RowOutcome = { row: number; address: string; outcome: "created" | "skipped" | "failed"; reason?: Localized; mailboxId?: string };

export const outcomesFile = (id: string) => importFile(id, "outcomes.json");
const pendingFile = (id: string, chunk: number) => `${chunkFile(id, chunk)}.pending`;

export const writePendingOutcomes = (id: string, chunk: number, outcomes: RowOutcome[]) => writeJson(pendingFile(id, chunk), outcomes);

/** After the chunk committed: its outcomes become final. Also used when resuming after a crash in between. */
export async function confirmOutcomes(id: string, chunk: number): Promise<RowOutcome[]> {
  // No pending file: it was confirmed before (a resumed job, or another run of it got here first).
  await rename(pendingFile(id, chunk), chunkFile(id, chunk)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
  return (await readJson<RowOutcome[]>(chunkFile(id, chunk))) ?? [];
}

/** Every confirmed chunk's outcomes in row order, kept as the import's result. */
export async function mergeOutcomes(id: string, chunks: number): Promise<RowOutcome[]> {
  const all: RowOutcome[] = [];
  for (let n = 0; n < chunks; n++) all.push(...((await readJson<RowOutcome[]>(chunkFile(id, n))) ?? []));
  await writeJson(outcomesFile(id), all);
  return all;
}

export const readOutcomes = (id: string) => readJson<RowOutcome[]>(outcomesFile(id));
