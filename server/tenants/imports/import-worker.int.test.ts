import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { db } from "@/server/shared/db";
import { startMailboxImportWorker } from "@/workers/mailbox-import.worker";
import { createConsoleTenant } from "../tenant-test-fixtures";
import { applyImport } from "./apply-import";
import { rowsFile } from "./import-files";
import { csvFile, INITIAL_PASSWORD, upload, useTempDataDir } from "./import-test-fixtures";

// The real path: apply queues the job, the worker (in-process) runs it; the page polls the row.

let worker: Worker;
beforeAll(async () => {
  await useTempDataDir();
  worker = startMailboxImportWorker();
  await worker.waitUntilReady();
});
afterAll(async () => {
  await worker.close();
});

async function settled(importId: string) {
  for (let i = 0; i < 200; i++) {
    const row = await db.mailboxImport.findUniqueOrThrow({ where: { id: importId } });
    if (row.status === "done" || row.status === "failed") return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the import did not finish");
}

describe("the mailbox-import worker", () => {
  it("applies a started import; starting it again changes nothing", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const uploaded = await upload(t, csvFile([[`w1@${t.domain.name}`], [`w2@${t.domain.name}`]]));
    await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
    expect(await settled(uploaded.id)).toMatchObject({ status: "done", createdRows: 2, processedRows: 2 });
    const again = await applyImport(t.actor, t.tenant.id, { importId: uploaded.id }, "en");
    expect(again).toMatchObject({ status: "done", createdRows: 2, hasResult: true });
    expect(await db.mailbox.count({ where: { tenantId: t.tenant.id } })).toBe(2);
  });

  it("marks an import whose working files are gone failed, without retrying", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const uploaded = await upload(t, csvFile([[`gone@${t.domain.name}`]]));
    await rm(rowsFile(uploaded.id));
    await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
    const row = await settled(uploaded.id);
    expect(row).toMatchObject({ status: "failed", createdRows: 0, error: expect.stringContaining("lost its working files") });
    expect(await db.auditEvent.count({ where: { action: "import.finish", targetId: uploaded.id, result: "failure" } })).toBe(1);
  });
});
