import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";
import { describeMatrix, refusal } from "@/server/test/authz";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { startConfigBackupWorker } from "@/workers/config-backup.worker";

// operations.backups.* by path: operators only; "back up now" opens a manual run that the worker
// writes, audited, and a second start while one runs is refused without writing anything.

const dir = await mkdtemp(path.join(tmpdir(), "ms-backup-router-"));
process.env.BACKUP_DIR = dir;
resetEnvCache();
let worker: Worker | undefined;
afterAll(async () => {
  await worker?.close();
  await rm(dir, { recursive: true, force: true });
});

const operator: SessionUser = { id: "ops-1", email: "ops@example.test", name: "Ops", role: "operator", tenantId: null, resellerId: null };
const reseller: SessionUser = { id: "res-1", email: "res@example.test", name: "Res", role: "reseller", tenantId: null, resellerId: "r-1" };
const admin: SessionUser = { id: "adm-1", email: "adm@example.test", name: "Adm", role: "tenant_admin", tenantId: "t-1", resellerId: null };
type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const caller = (w: Who) => createCaller(makeContext(w === "anonymous" ? null : { tenant_admin: admin, reseller, operator }[w]));

describeMatrix<Exclude<Who, "operator">>(
  "operations.backups × callers who are not operators",
  {
    list: (w) => caller(w).operations.backups.list({}),
    start: (w) => caller(w).operations.backups.start({ requestKey: randomUUID() }),
  },
  {
    list: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN" },
    start: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN" },
  },
);

describe("back up now", () => {
  it("queues a manual run that the worker writes; the same request key returns the same run", async () => {
    const key = randomUUID();
    const started = await caller("operator").operations.backups.start({ requestKey: key });
    expect(started).toMatchObject({ id: key, kind: "manual", status: "running" });
    expect(await db.auditEvent.count({ where: { action: "backup.start", targetId: key } })).toBe(1);

    // A second start while the first is still running is refused, and writes nothing.
    const audits = await db.auditEvent.count(SUCCESSFUL_AUDITS);
    const second = await refusal(caller("operator").operations.backups.start({ requestKey: randomUUID() }));
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toMatch(/already running/);
    expect(await db.auditEvent.count(SUCCESSFUL_AUDITS)).toBe(audits);
    expect(await db.backupRun.count()).toBe(1);

    worker = startConfigBackupWorker({ schedule: false });
    const done = await waitFor(async () => {
      const run = await db.backupRun.findUnique({ where: { id: key } });
      return run?.status === "running" ? undefined : run;
    }, 30_000);
    expect(done).toMatchObject({ status: "succeeded", fileName: expect.stringMatching(/^mailstead-config-.*\.msbk$/) });
    expect((await readdir(dir)).sort()).toEqual([done!.fileName, `${done!.fileName}.sha256`]);

    const again = await caller("operator").operations.backups.start({ requestKey: key });
    expect(again).toMatchObject({ id: key, status: "succeeded", progress: 100 });
    const page = await caller("operator").operations.backups.list({});
    expect(page.items.map((r) => r.id)).toEqual([key]);
    expect(page.settings).toMatchObject({ dir, keep: 7 });
  }, 60_000);
});
