import { afterAll, describe, expect, it } from "vitest";
import { connectTo } from "@/server/test/scratch-db";
import { env } from "@/server/shared/env";
import { EXCLUDED_TABLES, INCLUDED_TABLES, unclassifiedTables } from "./backup-tables";
import { readTableNames } from "./table-columns";

// The migrated database (every migration applied) is the list of tables: a model added to the
// schema, with its migration, fails here until backup-tables.ts says whether it is backed up.

const conn = await connectTo(env().DATABASE_URL);
afterAll(() => conn.end());

describe("backup table classification", () => {
  it("classifies every table of the migrated database as included or excluded", async () => {
    const tables = await readTableNames(conn);
    expect(unclassifiedTables(tables), "add these to INCLUDED_TABLES or EXCLUDED_TABLES (with why) in backup-tables.ts").toEqual([]);
  });
  it("names only tables that exist", async () => {
    const tables = new Set(await readTableNames(conn));
    expect([...INCLUDED_TABLES, ...Object.keys(EXCLUDED_TABLES)].filter((t) => !tables.has(t))).toEqual([]);
  });
});
