import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/server/shared/db";
import { failAuditExport } from "./fail-audit-export";

async function exportIn(status: "queued" | "running" | "done" | "failed") {
  const id = randomUUID();
  await db.auditExport.create({ data: { id, requestedById: "ops", filters: {}, status } });
  return id;
}

describe("failAuditExport", () => {
  it.each(["queued", "running"] as const)("ends a %s export whose job gave up, with the reason", async (status) => {
    const id = await exportIn(status);
    await failAuditExport(id, "job stalled more than allowable limit");
    const row = await db.auditExport.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "failed", error: "job stalled more than allowable limit" });
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it("leaves a finished export alone", async () => {
    const id = await exportIn("done");
    await failAuditExport(id, "late failure event");
    expect((await db.auditExport.findUniqueOrThrow({ where: { id } })).status).toBe("done");
  });

  it("ignores an export that does not exist", async () => {
    await expect(failAuditExport(randomUUID(), "x")).resolves.toBeUndefined();
  });
});
