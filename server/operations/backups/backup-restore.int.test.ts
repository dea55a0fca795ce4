import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { db } from "@/server/shared/db";
import { env, resetEnvCache } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import { connectTo, createScratchDatabase, type ScratchDatabase } from "@/server/test/scratch-db";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { BackupFileError } from "./backup-format";
import { INCLUDED_TABLES } from "./backup-tables";
import { fingerprints, rewriteBackup } from "./backup-test-files";
import { restoreBackup } from "./restore-backup";
import { runBackup } from "./run-backup";

// The "done when": seed a realistic database, back it up, restore into a fresh empty
// database and compare every included table row for row; then every bad input is refused with
// its reason and leaves the target exactly as it was.

const dir = await mkdtemp(path.join(tmpdir(), "ms-backup-"));
process.env.BACKUP_DIR = dir;
resetEnvCache();
const source = await connectTo(env().DATABASE_URL);
const scratch: ScratchDatabase[] = [];
let file: string;

async function newTarget(migrated = false) {
  const s = await createScratchDatabase({ migrated });
  scratch.push(s);
  return s;
}

async function seedEdgeCases() {
  await seedDemoData(db);
  // Values the format must carry exactly: 4-byte UTF-8, binary with 00/FF, a double that is not
  // short in decimal, a BIGINT beyond 2^53, JSON text, milliseconds, NULLs.
  await source.query(`INSERT INTO Tenant (id, name, status, timeZone, createdAt, updatedAt) VALUES ('t-edge', 'Ünïcødé 邮箱 😀 \\\\ "q"\\n', 'active', 'Asia/Shanghai', '2026-11-27 03:04:05.678', '2026-11-27 03:04:05.679')`);
  await source.query(`INSERT INTO SpamPolicy (tenantId, addHeaderScore, quarantineScore, rejectScore, updatedAt) VALUES ('t-edge', 0.1 + 0.2, 1e-7, 123456.789, '2026-11-27 00:00:00.001')`);
  await source.query(`INSERT INTO SampleDigest (day, samples, digest, prevDigest, sealedAt) VALUES ('2020-01-01', 3, UNHEX(CONCAT('00FF', REPEAT('0A', 30))), NULL, '2026-11-27 00:15:00.000')`);
  await source.query(`INSERT INTO LedgerEntry (tenantId, kind, amount, currency, idempotencyKey, occurredAt) VALUES ('t-edge', 'adjustment', 9007199254740993, 'CNY', 'edge-1', '2026-11-27 01:02:03.004')`);
  await source.query(`INSERT INTO SlaBreach (id, tenantId, month, promise, measured, target, evidence) VALUES ('b-edge', 't-edge', '2026-10', 'availability', '99.8%', '99.9%', '{"minutes":[1,2],"note":"断网 ✓"}')`);
  await source.query(`INSERT INTO LoginEvent (email, result, occurredAt) VALUES ('excluded@example.test', 'success', NOW(3))`);
}

beforeAll(async () => {
  await seedEdgeCases();
  const run = await runBackup({ kind: "manual" });
  file = path.join(dir, run.fileName!);
}, 60_000);

afterAll(async () => {
  await source.end();
  for (const s of scratch) await s.drop();
  await rm(dir, { recursive: true, force: true });
});

async function refusalOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof BackupFileError) return e.reason;
  if (e instanceof DomainError) return e.code;
  throw new Error(`expected a refusal, got ${String(e)}`);
}

describe("backup then restore", () => {
  it("records the run and writes a file that sha256sum -c accepts", async () => {
    const run = await db.backupRun.findFirstOrThrow({ where: { status: "succeeded" } });
    expect(run).toMatchObject({ kind: "manual", tableCount: INCLUDED_TABLES.length });
    expect(run.rowCount).toBeGreaterThan(20);
    expect(Number(run.bytes)).toBeGreaterThan(0);
    expect(execFileSync("sha256sum", ["-c", `${path.basename(file)}.sha256`], { cwd: dir }).toString()).toContain(": OK");
  });

  it("restores into a fresh empty database with every included table identical", async () => {
    const target = await newTarget();
    const result = await restoreBackup({ filePath: file, databaseUrl: target.url });
    expect(result.migratedTarget).toBe(true);
    const conn = await connectTo(target.url);
    try {
      const want = await fingerprints(source, INCLUDED_TABLES);
      expect(await fingerprints(conn, INCLUDED_TABLES)).toEqual(want);
      expect(want.SampleDigest!.rows).toBeGreaterThan(1);
      expect(want.Mailbox!.rows).toBeGreaterThan(0);
      const [login] = await conn.query<import("mysql2").RowDataPacket[]>("SELECT COUNT(*) AS n FROM LoginEvent");
      expect(Number(login[0]?.n)).toBe(0);
    } finally {
      await conn.end();
    }
  }, 60_000);
});

describe("bad input leaves the target untouched", () => {
  let target: ScratchDatabase;
  let before: Awaited<ReturnType<typeof fingerprints>>;
  const untouched = async () => {
    const conn = await connectTo(target.url);
    try {
      expect(await fingerprints(conn, INCLUDED_TABLES)).toEqual(before);
    } finally {
      await conn.end();
    }
  };
  beforeAll(async () => {
    target = await newTarget();
    await restoreBackup({ filePath: file, databaseUrl: target.url });
    const conn = await connectTo(target.url);
    before = await fingerprints(conn, INCLUDED_TABLES);
    await conn.end();
  }, 60_000);
  const copy = async (name: string, change: (bytes: Buffer) => Buffer, sidecar = true) => {
    const p = path.join(dir, name);
    await writeFile(p, change(await readFile(file)));
    if (sidecar) await copyFile(`${file}.sha256`, `${p}.sha256`);
    return p;
  };

  it("refuses a truncated file", async () => {
    const p = await copy("cut.msbk", (b) => b);
    await truncate(p, Math.floor((await readFile(p)).length / 2));
    expect(await refusalOf(restoreBackup({ filePath: p, databaseUrl: target.url, force: true }))).toBe("truncated");
    await untouched();
  });
  it.each([
    ["in the compressed data", (b: Buffer) => Math.floor(b.length / 2)],
    ["in the gzip header's time stamp (only the .sha256 notices)", () => 5],
  ])("refuses a file with one byte flipped %s", async (_where, at) => {
    const p = await copy(`flip${at.length}.msbk`, (b) => {
      const c = Buffer.from(b);
      const i = at(c);
      c[i] = c[i]! ^ 0x01;
      return c;
    });
    expect(await refusalOf(restoreBackup({ filePath: p, databaseUrl: target.url, force: true }))).toBe("checksum_mismatch");
    await untouched();
  });
  it("refuses files that are not Mailstead backups", async () => {
    const text = await copy("text.msbk", () => Buffer.from("-- MariaDB dump\nINSERT INTO x VALUES (1);\n"), false);
    const gz = await copy("other.msbk", () => gzipSync('{"hello":"world"}\n'), false);
    expect(await refusalOf(restoreBackup({ filePath: text, databaseUrl: target.url, force: true }))).toBe("not_a_backup");
    expect(await refusalOf(restoreBackup({ filePath: gz, databaseUrl: target.url, force: true }))).toBe("not_a_backup");
    await untouched();
  });
  it("refuses a non-empty database without --force", async () => {
    expect(await refusalOf(restoreBackup({ filePath: file, databaseUrl: target.url }))).toBe("CONFLICT");
    await untouched();
  });
  it("refuses --force when an append-only table (the ledger) has rows", async () => {
    expect(await refusalOf(restoreBackup({ filePath: file, databaseUrl: target.url, force: true }))).toBe("PRECONDITION_FAILED");
    await untouched();
  });
  it("refuses a backup made by a newer schema, before migrating an empty target", async () => {
    const p = path.join(dir, "future.msbk");
    await rewriteBackup(file, p, (b) => void (b.header.migration = "99991231000000_future"));
    const empty = await newTarget();
    expect(await refusalOf(restoreBackup({ filePath: p, databaseUrl: empty.url }))).toBe("newer_schema");
    expect(await refusalOf(restoreBackup({ filePath: p, databaseUrl: target.url, force: true }))).toBe("newer_schema");
    await untouched();
  });
  it("rolls everything back when an insert fails part-way (a duplicate key)", async () => {
    const p = path.join(dir, "dup.msbk");
    await rewriteBackup(file, p, (b) => {
      const rows = b.sections.get("Mailbox")!;
      rows.push(rows[0]!);
    });
    const empty = await newTarget(true);
    await expect(restoreBackup({ filePath: p, databaseUrl: empty.url })).rejects.toThrow(/rolled back.*(Duplicate entry|duplicate key)/);
    const conn = await connectTo(empty.url);
    const [rows] = await conn.query<import("mysql2").RowDataPacket[]>("SELECT (SELECT COUNT(*) FROM Tenant) + (SELECT COUNT(*) FROM Plan) AS n");
    await conn.end();
    expect(Number(rows[0]?.n)).toBe(0);
  });
  it("--force replaces rows of ordinary tables", async () => {
    const other = await newTarget(true);
    const conn = await connectTo(other.url);
    try {
      await conn.query("INSERT INTO Plan (id, code, name, pricePerSeatYear, mailboxQuotaMb, attachmentLimitMb, largeAttachmentLimitMb, updatedAt) VALUES ('stale', 'stale', 'Stale', 1, 1, 1, 1, NOW(3))");
      await restoreBackup({ filePath: file, databaseUrl: other.url, force: true });
      expect(await fingerprints(conn, INCLUDED_TABLES)).toEqual(before);
    } finally {
      await conn.end();
    }
  }, 60_000);
});

describe("retention and failures", () => {
  it("keeps the newest BACKUP_KEEP files after each successful run", async () => {
    process.env.BACKUP_KEEP = "2";
    resetEnvCache();
    const { setClock } = await import("@/server/shared/clock");
    try {
      for (const day of [1, 2, 3]) {
        const restore = setClock(new Date(Date.UTC(2030, 0, day, 19)));
        await runBackup({ kind: "scheduled" });
        restore();
      }
      const kept = (await readdir(dir)).filter((n) => /^mailstead-config-.*\.msbk$/.test(n)).sort();
      expect(kept).toEqual(["mailstead-config-20300102T190000Z.msbk", "mailstead-config-20300103T190000Z.msbk"]);
    } finally {
      delete process.env.BACKUP_KEEP;
      resetEnvCache();
    }
  }, 60_000);
  it("records a failed run with its error", async () => {
    const notADir = path.join(dir, "plain-file");
    await writeFile(notADir, "x");
    process.env.BACKUP_DIR = notADir;
    resetEnvCache();
    try {
      await expect(runBackup({ kind: "scheduled" })).rejects.toThrow();
      const failed = await db.backupRun.findFirstOrThrow({ where: { status: "failed" } });
      expect(failed.error).toMatch(/EEXIST|ENOTDIR|not a directory/i);
      expect(failed.finishedAt).not.toBeNull();
    } finally {
      process.env.BACKUP_DIR = dir;
      resetEnvCache();
    }
  });
});
