import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "./env";
import { checkDrift, formatDrift } from "./drift";
import { FIXTURE_SCHEMA, FIXTURE_SQL } from "./drift-fixture";
import { connectTo, createScratchDatabase, type ScratchDatabase } from "@/server/test/scratch-db";

describe("schema drift", () => {
  it("the migrated database matches schema.prisma", async () => {
    const differences = await checkDrift({ databaseUrl: env().DATABASE_URL });
    expect(differences, formatDrift(differences)).toEqual([]);
  });

  describe("the checker", () => {
    let scratch: ScratchDatabase;
    afterAll(() => scratch?.drop());

    it("reports each kind of difference in a readable line", async () => {
      scratch = await createScratchDatabase({ migrated: true });
      const conn = await connectTo(scratch.url);
      try {
        await conn.query(`
          ALTER TABLE Plan MODIFY currency CHAR(3) NULL DEFAULT 'USD', MODIFY active BOOLEAN NOT NULL DEFAULT false;
          ALTER TABLE User DROP INDEX User_email_key, ADD COLUMN nickname VARCHAR(20) NULL, ADD INDEX User_name_idx (name),
            MODIFY passwordHash VARCHAR(200) NOT NULL;
          ALTER TABLE Tenant DROP FOREIGN KEY Tenant_resellerId_fkey;
          ALTER TABLE Tenant ADD CONSTRAINT Tenant_resellerId_fkey FOREIGN KEY (resellerId) REFERENCES Reseller (id)
            ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TABLE AuditEvent DROP INDEX AuditEvent_tenantId_occurredAt_idx,
            ADD INDEX AuditEvent_tenantId_occurredAt_idx (occurredAt, tenantId), MODIFY id BIGINT NOT NULL;
          ALTER TABLE LoginEvent MODIFY occurredAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
          ALTER TABLE AuditExport MODIFY status ENUM('queued', 'running', 'done') NOT NULL DEFAULT 'queued',
            MODIFY fileName VARCHAR(255) COLLATE utf8mb4_bin NULL;
          ALTER TABLE LoginEvent DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
          DROP TABLE _prisma_migrations;
          CREATE TABLE Stray (id INT PRIMARY KEY);
        `);
      } finally {
        await conn.end();
      }

      const differences = await checkDrift({ databaseUrl: scratch.url });
      expect(differences).toEqual(
        expect.arrayContaining([
          "column Plan.currency: nullable is true in the database, schema.prisma says false",
          "column Plan.currency: default is 'USD' in the database, schema.prisma says 'CNY'",
          "column Plan.active: default is 0 in the database, schema.prisma says 1",
          "column User.passwordHash: type is varchar(200) in the database, schema.prisma says varchar(255)",
          "column User.nickname: in the database, not in schema.prisma",
          "index User.User_email_key: in schema.prisma, missing from the database",
          "index User.User_name_idx: in the database, not in schema.prisma",
          "foreign key Tenant.Tenant_resellerId_fkey: onDelete is CASCADE in the database, schema.prisma says RESTRICT",
          'index AuditEvent.AuditEvent_tenantId_occurredAt_idx: columns is ["occurredAt","tenantId"] in the database, schema.prisma says ["tenantId","occurredAt"]',
          "column AuditEvent.id: autoIncrement is false in the database, schema.prisma says true",
          "column LoginEvent.occurredAt: type is datetime(3) [on update current_timestamp(3)] in the database, schema.prisma says datetime(3)",
          "column AuditExport.status: type is enum('queued','running','done') in the database, schema.prisma says enum('queued','running','done','failed')",
          "column AuditExport.fileName: collation is utf8mb4_bin in the database, schema.prisma says utf8mb4_unicode_ci",
          "table LoginEvent: collation is utf8mb4_bin in the database, expected utf8mb4_unicode_ci",
          "table Stray: in the database, not in schema.prisma",
        ]),
      );
      // Prisma's bookkeeping table is not part of the schema: dropping it is not drift.
      expect(differences.join("\n")).not.toContain("_prisma_migrations");
      expect(formatDrift(differences)).toMatch(/^the database differs from schema\.prisma in \d+ place\(s\):\n  - /);
    });

    it("raises no false alarm on native types, @map, JSON, bytes, descending and prefix indexes", async () => {
      const db = await createScratchDatabase();
      const dir = await mkdtemp(path.join(tmpdir(), "ms-drift-"));
      try {
        const conn = await connectTo(db.url);
        await conn.query(FIXTURE_SQL);
        await conn.end();
        await writeFile(path.join(dir, "schema.prisma"), FIXTURE_SCHEMA);
        const differences = await checkDrift({ databaseUrl: db.url, schemaPath: path.join(dir, "schema.prisma") });
        expect(differences, formatDrift(differences)).toEqual([]);
      } finally {
        await db.drop();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("reports a table the migrations never created", async () => {
      const empty = await createScratchDatabase();
      try {
        const differences = await checkDrift({ databaseUrl: empty.url });
        expect(differences).toContain("table User: in schema.prisma, missing from the database");
        // One difference per model: every table is missing, nothing else is reported.
        const schema = await readFile("prisma/schema.prisma", "utf8");
        expect(differences).toHaveLength(schema.match(/^model /gm)?.length ?? 0);
      } finally {
        await empty.drop();
      }
    });
  });
});
