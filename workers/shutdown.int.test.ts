import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { db } from "@/server/shared/db";
import { seedAuditEvents, seedAuditWorld, waitFor } from "@/server/audit/audit-test-fixtures";
import { startAuditExportWorker } from "./audit-export.worker";
import { installShutdown, shutdownWorkers } from "./shutdown";

const dataDir = await mkdtemp(path.join(tmpdir(), "mailstead-shutdown-test-"));
process.env.DATA_DIR = dataDir;

const ROWS = 3_000;
let world: Awaited<ReturnType<typeof seedAuditWorld>>;

beforeAll(async () => {
  world = await seedAuditWorld();
  await seedAuditEvents(ROWS, (i) => ({ action: "mailbox.create", targetId: `mb${i}` }));
});

afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Requests an export and starts a slow worker (small batches); resolves at the job's first progress step. */
async function exportUnderWay(): Promise<{ id: string; worker: Worker; progressAtStop: number }> {
  const id = randomUUID();
  await createCaller(makeContext(world.users.operator)).audit.requestExport({ requestId: id, action: "mailbox" });
  const worker = startAuditExportWorker({ batchSize: 100, progressIntervalMs: 0 });
  const progressAtStop = await new Promise<number>((resolve) => worker.once("progress", (_job, p) => resolve(Number(p))));
  return { id, worker, progressAtStop };
}

describe("worker shutdown", () => {
  it("close() during a job lets the job finish before closing", async () => {
    const { id, worker, progressAtStop } = await exportUnderWay();
    expect(progressAtStop).toBeLessThan(100);
    await shutdownWorkers([worker]);
    expect(worker.closing).toBeTruthy();
    // shutdownWorkers disconnected the database; the next query opens a new client.
    expect(await db.auditExport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", progress: 100, rowCount: ROWS });
  });

  it("SIGTERM finishes the running job, then exits 0; a duplicate signal right after is ignored", async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const { id, worker } = await exportUnderWay();
    installShutdown([worker], { signals, exit: (code) => exits.push(code) });
    signals.emit("SIGTERM", "SIGTERM");
    signals.emit("SIGINT", "SIGINT"); // the same Ctrl-C, delivered by the terminal and by npm start
    await waitFor(async () => (exits.length ? true : undefined));
    expect(exits).toEqual([0]);
    const row = await db.auditExport.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "done", rowCount: ROWS });
  });
});
