import { randomUUID } from "node:crypto";
import { DomainError, say } from "@/server/shared/errors";
import { takenMessage } from "../addresses/claim-address";
import { assertSeatsFor } from "../seats/seat-usage";
import { assertWritable, tenantTransaction, type Tx } from "../tenant-transaction";
import { writePendingOutcomes, type RowOutcome } from "./import-outcomes";
import { resolveDepartmentPaths } from "./resolve-department-paths";
import type { PlannedRow } from "./validate-import-rows";

export type ChunkInput = { importId: string; tenantId: string; chunk: number; end: number; rows: PlannedRow[]; hashOf: (row: PlannedRow) => string };
export type ChunkResult = { outcomes: RowOutcome[]; departmentsCreated: number };
/** Tests only: runs inside the chunk's transaction after the inserts, to show a failure there rolls them back. */
export type ChunkHook = (chunk: number) => void | Promise<void>;

const EXISTS = say("Already exists in your organisation: left unchanged", "已存在于本企业：未做修改");
const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/** Outcomes decided by who holds each address now, under the tenant's lock. */
async function sortRows(tx: Tx, tenantId: string, rows: PlannedRow[]) {
  const held = await tx.mailAddress.findMany({ where: { address: { in: rows.map((r) => r.address) } }, select: { address: true, tenantId: true, kind: true } });
  const holder = new Map(held.map((a) => [a.address, a.tenantId === tenantId && a.kind === "mailbox" ? "own" : "taken"]));
  const outcomes = new Map<number, RowOutcome>();
  const create: PlannedRow[] = [];
  for (const r of rows) {
    const h = holder.get(r.address);
    if (h === "own") outcomes.set(r.row, { row: r.row, address: r.address, outcome: "skipped", reason: EXISTS });
    else if (h === "taken") outcomes.set(r.row, { row: r.row, address: r.address, outcome: "failed", reason: takenMessage(r.address) });
    else create.push(r);
  }
  return { outcomes, create };
}

/** Whether another run of the same import (a stalled job delivered twice) committed this chunk already. */
async function alreadyApplied(tx: Tx, importId: string, end: number): Promise<boolean> {
  const row = await tx.mailboxImport.findUnique({ where: { id: importId }, select: { processedRows: true } });
  return (row?.processedRows ?? 0) >= end;
}

async function applyOnce(input: ChunkInput, hook?: ChunkHook): Promise<ChunkResult | null> {
  const { importId, tenantId, rows } = input;
  return tenantTransaction(tenantId, async (tx, tenant) => {
    if (await alreadyApplied(tx, importId, input.end)) return null;
    assertWritable(tenant);
    const { outcomes, create } = await sortRows(tx, tenantId, rows);
    let departmentsCreated = 0;
    if (create.length > 0) {
      await assertSeatsFor(tx, tenantId, create.length);
      const departments = await resolveDepartmentPaths(tx, tenantId, create.map((r) => r.departmentPath));
      departmentsCreated = departments.created;
      const mailboxes = create.map((r) => ({
        id: randomUUID(),
        tenantId,
        domainId: r.domainId,
        departmentId: r.departmentPath.length > 0 ? departments.ids.get(r.departmentPath.join("/"))! : null,
        localPart: r.localPart,
        address: r.address,
        displayName: r.displayName,
        quotaMb: r.quotaMb,
        mobile: r.mobile,
        passwordHash: input.hashOf(r),
        mustChangePassword: true,
      }));
      // createMany: two statements for the whole chunk instead of two per row.
      await tx.mailbox.createMany({ data: mailboxes });
      await tx.mailAddress.createMany({ data: mailboxes.map((m) => ({ address: m.address, tenantId, domainId: m.domainId, kind: "mailbox" as const, mailboxId: m.id })) });
      mailboxes.forEach((m, i) => outcomes.set(create[i]!.row, { row: create[i]!.row, address: m.address, outcome: "created", mailboxId: m.id }));
      await hook?.(input.chunk);
    }
    const list = rows.map((r) => outcomes.get(r.row)!);
    await countOutcomes(tx, importId, input.end, list);
    await writePendingOutcomes(importId, input.chunk, list);
    return { outcomes: list, departmentsCreated };
  });
}

async function countOutcomes(tx: Tx, importId: string, end: number, list: RowOutcome[]) {
  const n = (o: RowOutcome["outcome"]) => list.filter((x) => x.outcome === o).length;
  await tx.mailboxImport.update({
    where: { id: importId },
    data: { processedRows: end, createdRows: { increment: n("created") }, skippedRows: { increment: n("skipped") }, failedRows: { increment: n("failed") } },
  });
}

/** A chunk refused whole (seats ran out since validation, tenant frozen): every row failed, nothing of it applied. */
async function refuseChunk(input: ChunkInput, reason: DomainError): Promise<ChunkResult | null> {
  const text = typeof reason.text === "string" ? say(reason.text, reason.text) : reason.text;
  const list: RowOutcome[] = input.rows.map((r) => ({ row: r.row, address: r.address, outcome: "failed", reason: text }));
  return tenantTransaction(input.tenantId, async (tx) => {
    if (await alreadyApplied(tx, input.importId, input.end)) return null;
    await countOutcomes(tx, input.importId, input.end, list);
    await writePendingOutcomes(input.importId, input.chunk, list);
    return { outcomes: list, departmentsCreated: 0 };
  });
}

/**
 * Applies one chunk of rows in one transaction: all of its mailboxes, addresses, departments and
 * the import's counters commit together or not at all. An address another tenant took between
 * the check and the insert fails the insert on the MailAddress key: the chunk is rolled back and
 * tried again, when the check sees it and fails only that row. Null: the chunk was already
 * committed (by another run of the job), and nothing was written now.
 */
export async function applyImportChunk(input: ChunkInput, hook?: ChunkHook): Promise<ChunkResult | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(input, hook);
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue;
      if (e instanceof DomainError && e.code === "PRECONDITION_FAILED") return refuseChunk(input, e);
      throw e;
    }
  }
}
