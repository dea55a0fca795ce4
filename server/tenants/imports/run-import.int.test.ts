import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { getQueue } from "@/server/shared/queues";
import { verifyPassword } from "@/server/auth/password";
import { createConsoleTenant, type ConsoleTenant } from "../tenant-test-fixtures";
import { applyImport } from "./apply-import";
import { resultCsv } from "./download-import-files";
import { csvFile, importAll, INITIAL_PASSWORD, manyRows, upload, useTempDataDir } from "./import-test-fixtures";
import { readOutcomes } from "./import-outcomes";
import { IMPORT_CHUNK_ROWS, runImport } from "./run-import";
import { applyImportChunk } from "./apply-import-chunk";
import { readJson, rowsFile } from "./import-files";
import type { StoredRows } from "./upload-import";

// Applying an import: chunk by chunk, each chunk all or nothing, seats respected, a re-run of the
// same file creating nothing new, one operation-log event with the counts.

beforeAll(async () => {
  await useTempDataDir();
});

const mailboxesOf = (t: ConsoleTenant) => db.mailbox.count({ where: { tenantId: t.tenant.id } });

describe("applying", () => {
  it("creates mailboxes, addresses and departments, with the initial or the row's own password", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const d = t.domain.name;
    const id = await importAll(t, csvFile([[`zhang.san@${d}`, "张三", "销售部/华东区", "1024", "13800138000", "Own#Pass2026"], [`li.si@${d}`, "李四", "销售部 / 华南区"], [`wang.wu@${d}`]], { encoding: "gbk" }));
    const imp = await db.mailboxImport.findUniqueOrThrow({ where: { id } });
    expect(imp).toMatchObject({ status: "done", processedRows: 3, createdRows: 3, skippedRows: 0, failedRows: 0 });
    const zhang = await db.mailbox.findUniqueOrThrow({ where: { address: `zhang.san@${d}` }, include: { department: { include: { parent: true } }, addresses: true } });
    expect(zhang).toMatchObject({ displayName: "张三", quotaMb: 1024, mobile: "13800138000", mustChangePassword: true, department: { name: "华东区", parent: { name: "销售部" } } });
    expect(zhang.addresses.map((a) => [a.address, a.kind])).toEqual([[`zhang.san@${d}`, "mailbox"]]);
    expect(await verifyPassword(zhang.passwordHash, "Own#Pass2026")).toBe(true);
    const wang = await db.mailbox.findUniqueOrThrow({ where: { address: `wang.wu@${d}` } });
    expect(wang).toMatchObject({ displayName: "wang.wu", quotaMb: 2048, departmentId: null, mustChangePassword: true });
    expect(await verifyPassword(wang.passwordHash, INITIAL_PASSWORD)).toBe(true);
    // 销售部 once, with its two children: paths resolve to the same departments.
    expect((await db.department.findMany({ where: { tenantId: t.tenant.id } })).map((x) => x.name).sort()).toEqual(["华东区", "华南区", "销售部"]);
    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["import.upload", "import.apply", "import.finish"]);
    expect(events[2]!.details).toMatchObject({ rows: 3, created: 3, skipped: 0, failed: 0, departmentsCreated: 3 });
    const jobs = await getQueue("welcomeLetter").getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.map((j) => j.data.mailboxId)).toEqual(expect.arrayContaining([zhang.id, wang.id]));
  });

  it("a re-run of the same file creates nothing new and says so per row", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const file = csvFile([[`a@${t.domain.name}`, "A", "研发部"], [`b@${t.domain.name}`]]);
    await importAll(t, file);
    const again = await upload(t, file);
    expect(again).toMatchObject({ errorRows: 0, willCreate: 0, willSkip: 2, canApply: true, needsInitialPassword: false });
    await applyImport(t.actor, t.tenant.id, { importId: again.id }, "en");
    await runImport(again.id);
    expect(await mailboxesOf(t)).toBe(2);
    expect(await db.department.count({ where: { tenantId: t.tenant.id } })).toBe(1);
    expect(await db.mailboxImport.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ createdRows: 0, skippedRows: 2, failedRows: 0 });
    const csv = resultCsv((await readOutcomes(again.id))!, "en");
    expect(csv).toBe(`\uFEFFRow,Address,Outcome,Reason\n2,a@${t.domain.name},skipped (exists),Already exists in your organisation: left unchanged\n3,b@${t.domain.name},skipped (exists),Already exists in your organisation: left unchanged\n`);
  });

  it("imports 10,000 rows within the seats, in chunks, and is idempotent when run again", async () => {
    const t = await createConsoleTenant({ seats: 10_000 });
    const started = Date.now();
    const id = await importAll(t, csvFile(manyRows(t.domain.name, 10_000)));
    const seconds = (Date.now() - started) / 1000;
    expect(await mailboxesOf(t)).toBe(10_000);
    expect(await db.mailAddress.count({ where: { tenantId: t.tenant.id } })).toBe(10_000);
    expect(await db.department.count({ where: { tenantId: t.tenant.id } })).toBe(5 + 10);
    expect(await db.mailboxImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", processedRows: 10_000, createdRows: 10_000 });
    expect(seconds).toBeLessThan(60);
    // A second run of the finished job (a duplicate delivery) does nothing.
    await runImport(id);
    expect(await mailboxesOf(t)).toBe(10_000);
    // The seats are full now: one more row is a whole-file problem, so nothing can be applied.
    expect((await upload(t, csvFile([[`one.more@${t.domain.name}`]]))).fileProblems[0]).toContain("only 0 of your 10000 paid seats are free");
  }, 120_000);

  it("a chunk that fails leaves nothing of it applied, and the retry carries on from the last committed chunk", async () => {
    const t = await createConsoleTenant({ seats: 2_000 });
    const rows = IMPORT_CHUNK_ROWS * 2 + 10;
    const uploaded = await upload(t, csvFile(manyRows(t.domain.name, rows)));
    await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
    const hook = (chunk: number) => {
      if (chunk === 1) throw new Error("the database went away mid-chunk");
    };
    await expect(runImport(uploaded.id, { hook })).rejects.toThrow("went away");
    expect(await mailboxesOf(t)).toBe(IMPORT_CHUNK_ROWS);
    expect(await db.mailAddress.count({ where: { tenantId: t.tenant.id } })).toBe(IMPORT_CHUNK_ROWS);
    expect(await db.mailboxImport.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ status: "applying", processedRows: IMPORT_CHUNK_ROWS, createdRows: IMPORT_CHUNK_ROWS });
    await runImport(uploaded.id);
    expect(await mailboxesOf(t)).toBe(rows);
    const done = await db.mailboxImport.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(done).toMatchObject({ status: "done", processedRows: rows, createdRows: rows, skippedRows: 0 });
    expect((await readOutcomes(uploaded.id))!.map((o) => o.outcome)).toEqual(Array(rows).fill("created"));
  }, 60_000);

  it("seats taken away after the check fail the chunk whole, with the reason on every row", async () => {
    const t = await createConsoleTenant({ seats: 3 });
    const uploaded = await upload(t, csvFile([[`x1@${t.domain.name}`], [`x2@${t.domain.name}`]]));
    await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
    await db.subscription.updateMany({ where: { tenantId: t.tenant.id }, data: { seats: 1 } });
    await runImport(uploaded.id);
    expect(await mailboxesOf(t)).toBe(0);
    expect(await db.mailboxImport.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ status: "done", failedRows: 2, createdRows: 0 });
    expect((await readOutcomes(uploaded.id))!.map((o) => [o.outcome, o.reason?.en])).toEqual([
      ["failed", expect.stringContaining("2 more do not fit")],
      ["failed", expect.stringContaining("2 more do not fit")],
    ]);
  });
});

describe("a job delivered twice", () => {
  it("applies a chunk once: the second run finds it committed and writes nothing", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const uploaded = await upload(t, csvFile([[`twice@${t.domain.name}`]]));
    await applyImport(t.actor, t.tenant.id, { importId: uploaded.id, initialPassword: INITIAL_PASSWORD }, "en");
    const stored = (await readJson<StoredRows>(rowsFile(uploaded.id)))!;
    const input = { importId: uploaded.id, tenantId: t.tenant.id, chunk: 0, end: 1, rows: stored.rows, hashOf: () => "x" };
    expect(await applyImportChunk(input)).toMatchObject({ outcomes: [{ outcome: "created" }] });
    expect(await applyImportChunk(input)).toBeNull();
    expect(await db.mailboxImport.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ processedRows: 1, createdRows: 1, skippedRows: 0 });
  });
});

describe("apply refuses", () => {
  it("a file with bad rows, or without the initial password, and writes nothing", async () => {
    const t = await createConsoleTenant({ seats: 5 });
    const bad = await upload(t, csvFile([[`ok@${t.domain.name}`], ["nope"]]));
    await expect(applyImport(t.actor, t.tenant.id, { importId: bad.id, initialPassword: INITIAL_PASSWORD }, "en")).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "1 rows have errors: fix them in the file and upload it again" });
    const good = await upload(t, csvFile([[`ok@${t.domain.name}`]]));
    await expect(applyImport(t.actor, t.tenant.id, { importId: good.id }, "en")).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { initialPassword: ["Enter the initial password for the rows without a password"] } });
    await expect(applyImport(t.actor, t.tenant.id, { importId: good.id, initialPassword: "password" }, "en")).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { initialPassword: [expect.stringContaining("at least 3")] } });
    expect(await db.mailboxImport.count({ where: { tenantId: t.tenant.id, status: { not: "validated" } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "import.apply", tenantId: t.tenant.id } })).toBe(0);
  });
});
