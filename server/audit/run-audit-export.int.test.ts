import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { enqueue, getQueue } from "@/server/shared/queues";
import { startAuditExportWorker } from "@/workers/audit-export.worker";
import { seedAuditEvents, seedAuditWorld, waitFor } from "./audit-test-fixtures";
import { auditCsvHeader } from "./audit-csv";
import { exportsDir } from "./audit-export-files";
import { runAuditExport } from "./run-audit-export";
import { openAuditExport } from "./open-audit-export";

// env() is read lazily, so this still reaches it: exports of this file go to a folder of its own.
const dataDir = await mkdtemp(path.join(tmpdir(), "mailstead-export-test-"));
process.env.DATA_DIR = dataDir;

const TOTAL = 2_500;
const IN_A = 1_500;
const CHINESE = "张三的邮箱已创建，配额 2 GB";
const FORMULA = '=HYPERLINK("http://evil.test","click")';

let world: Awaited<ReturnType<typeof seedAuditWorld>>;
let worker: Worker;
const progressSeen = new Map<string, number[]>();
const as = (user: SessionUser) => createCaller(makeContext(user));

beforeAll(async () => {
  world = await seedAuditWorld();
  const { tenantA, tenantB } = world;
  await seedAuditEvents(TOTAL, (i) => ({
    tenantId: i < IN_A ? tenantA.id : tenantB.id,
    action: i % 2 ? "mailbox.update" : "mailbox.create",
    actorId: `user${i % 7}`,
    actorEmail: `user${i % 7}@example.test`,
    actorRole: "tenant_admin",
    targetType: "mailbox",
    targetId: i === 43 ? FORMULA : `mb${i}`,
    ip: `10.0.${i % 256}.1`,
    details: i === 42 ? { note: CHINESE, quoted: 'say "hi", then leave' } : { seq: i },
  }));
  // Small batches and no throttle, so a 1,500-row export reports several progress steps.
  worker = startAuditExportWorker({ batchSize: 400, progressIntervalMs: 0 });
  worker.on("progress", (job, p) => {
    const list = progressSeen.get(job.id!) ?? [];
    list.push(Number(p));
    progressSeen.set(job.id!, list);
  });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== "\r") {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function exportAndWait(user: SessionUser, input: Record<string, unknown>) {
  const requestId = randomUUID();
  const requested = await as(user).audit.requestExport({ requestId, ...input });
  expect(requested).toMatchObject({ id: requestId, status: "queued", progress: 0, downloadUrl: null });
  const done = await waitFor(async () => {
    const s = await as(user).audit.exportStatus({ id: requestId });
    if (s.status === "failed") throw new Error(`export failed: ${s.error}`);
    return s.status === "done" ? s : undefined;
  });
  const file = await readFile(path.join(exportsDir(), `${requestId}.csv`), "utf8");
  return { id: requestId, status: done, file };
}

describe("the audit-export job, end to end through a real BullMQ worker", () => {
  let operatorExport: Awaited<ReturnType<typeof exportAndWait>>;

  beforeAll(async () => {
    expect(exportsDir().startsWith(dataDir)).toBe(true);
    operatorExport = await exportAndWait(world.users.operator, { tenantId: world.tenantA.id });
  });

  it("writes a UTF-8 CSV with a BOM, the header and only the filtered rows", () => {
    const { file, status } = operatorExport;
    expect(file.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(file.slice(1));
    expect(rows[0]).toEqual(auditCsvHeader("zh-CN"));
    expect(rows.length - 1).toBe(IN_A);
    expect(status).toMatchObject({ progress: 100, rowCount: IN_A, downloadUrl: `/api/exports/${operatorExport.id}` });
    const tenantCol = rows[0]!.indexOf("企业");
    expect(new Set(rows.slice(1).map((r) => r[tenantCol]))).toEqual(new Set(["甲公司"]));
    // Newest first, like the page; times are UTC ISO.
    expect(rows[1]![0]).toBe(new Date(Date.UTC(2026, 0, 1) + (IN_A - 1) * 60_000).toISOString());
  });

  it("round-trips Chinese details and quotes, and defuses formulas", () => {
    const rows = parseCsv(operatorExport.file.slice(1));
    const detailsCol = rows[0]!.length - 1;
    const withNote = rows.find((r) => r[detailsCol]!.includes("note"));
    expect(JSON.parse(withNote![detailsCol]!)).toEqual({ note: CHINESE, quoted: 'say "hi", then leave' });
    const targetCol = rows[0]!.indexOf("对象 ID");
    expect(rows.some((r) => r[targetCol] === `'${FORMULA}`)).toBe(true);
  });

  it("reports progress that only goes up, ending at 100, on the job and on the row", async () => {
    const seen = progressSeen.get(operatorExport.id)!;
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(100);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    const row = await db.auditExport.findUniqueOrThrow({ where: { id: operatorExport.id } });
    expect(row).toMatchObject({ status: "done", progress: 100, rowCount: IN_A, fileName: `${operatorExport.id}.csv`, error: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it("does nothing when a finished export runs again", async () => {
    const file = path.join(exportsDir(), `${operatorExport.id}.csv`);
    const before = await stat(file);
    expect(await runAuditExport(operatorExport.id)).toEqual({ outcome: "already-done", rowCount: IN_A });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it("keeps a tenant admin's export inside their tenant, in their language", async () => {
    const { file } = await exportAndWait(world.users.adminB, { tenantId: world.tenantA.id, action: "mailbox", locale: "en" });
    const rows = parseCsv(file.slice(1));
    expect(rows[0]).toEqual(auditCsvHeader("en"));
    expect(rows.length - 1).toBe(TOTAL - IN_A);
    const tenantCol = rows[0]!.indexOf("Tenant");
    expect(new Set(rows.slice(1).map((r) => r[tenantCol]))).toEqual(new Set(["Beta Ltd"]));
  });

  it("exports just the header when nothing matches", async () => {
    const { file, status } = await exportAndWait(world.users.operator, { actor: "nobody-at-all" });
    expect(parseCsv(file.slice(1))).toEqual([auditCsvHeader("zh-CN")]);
    expect(status.rowCount).toBe(0);
  });
});

describe("requestExport is idempotent per requestId", () => {
  it("returns the same export, one row, one audit entry and one job for a repeated request", async () => {
    const requestId = randomUUID();
    const caller = as(world.users.operator);
    const [a, b] = await Promise.all([
      caller.audit.requestExport({ requestId, result: "failure" }),
      caller.audit.requestExport({ requestId, result: "failure" }),
    ]);
    const c = await caller.audit.requestExport({ requestId, result: "failure" });
    expect(new Set([a.id, b.id, c.id])).toEqual(new Set([requestId]));
    expect(await db.auditExport.count({ where: { id: requestId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "audit.export", targetId: requestId } })).toBe(1);
    const job = await getQueue("auditExport").getJob(requestId);
    expect(job?.data).toEqual({ exportId: requestId });
    await waitFor(async () => ((await caller.audit.exportStatus({ id: requestId })).status === "done" ? true : undefined));
    // Asked again once finished: still the same export, and no new job run.
    expect(await caller.audit.requestExport({ requestId })).toMatchObject({ id: requestId, status: "done" });
  });
});

describe("openAuditExport", () => {
  it("opens a finished export for its requester only", async () => {
    const { id, file } = await exportAndWait(world.users.operator, { result: "success", action: "mailbox.create" });
    const opened = await openAuditExport(world.users.operator.id, id);
    expect(opened.downloadName).toMatch(/^operation-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(opened.size).toBe(Buffer.byteLength(file, "utf8"));
    expect(await readFile(opened.filePath, "utf8")).toBe(file);
    for (const other of [world.users.otherOperator, world.users.adminA]) {
      await expect(openAuditExport(other.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(openAuditExport(world.users.operator.id, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an export that has not finished", async () => {
    const row = await db.auditExport.create({ data: { id: randomUUID(), requestedById: world.users.operator.id, filters: {} } });
    await expect(openAuditExport(world.users.operator.id, row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("failures", () => {
  it("fails at once, without retries, when the stored filters are corrupt", async () => {
    const id = randomUUID();
    await db.auditExport.create({ data: { id, requestedById: "ops", filters: { from: "not a date" } } });
    await enqueue("auditExport", { exportId: id }, id);
    const row = await waitFor(async () => {
      const r = await db.auditExport.findUniqueOrThrow({ where: { id } });
      return r.status === "failed" ? r : undefined;
    });
    expect(row.error).toMatch(/ISO 8601/);
    const job = await waitFor(async () => {
      const j = await getQueue("auditExport").getJob(id);
      return (await j?.getState()) === "failed" ? j : undefined;
    });
    expect(job!.attemptsMade).toBe(1);
  });

  it("leaves the row queued with the reason while retries remain, failed after the last", async () => {
    const id = randomUUID();
    await db.auditExport.create({ data: { id, requestedById: "ops", filters: {} } });
    // A file where the exports folder should be: writing fails like a full or broken disk.
    const dir = exportsDir();
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true });
    await writeFile(dir, "in the way");
    try {
      await expect(runAuditExport(id, { finalAttempt: false })).rejects.toThrow();
      const retrying = await db.auditExport.findUniqueOrThrow({ where: { id } });
      expect(retrying.status).toBe("queued");
      expect(retrying.error).toBeTruthy();
      await expect(runAuditExport(id, { finalAttempt: true })).rejects.toThrow();
      expect(await db.auditExport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed" });
    } finally {
      await rm(dir, { force: true });
    }
  });
});
