import type mysql from "mysql2/promise";
import type { ColumnShape, SchemaShape, TableShape } from "./drift-shape";

// Reads what the database actually is from information_schema, in the shape drift-schema.ts
// derives from schema.prisma. Prisma's own bookkeeping table is not part of the schema.
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

type Row = mysql.RowDataPacket;

/** Integer display widths (int(11)) mean nothing; tinyint(1) is how Booleans are told apart. */
function normaliseType(columnType: string, dataType: string, isJson: boolean): string {
  if (isJson) return "json";
  const t = columnType.toLowerCase();
  if (t.startsWith("tinyint(1)")) return t;
  if (/^(tinyint|smallint|mediumint|int|bigint)\b/.test(dataType)) return t.replace(/\(\d+\)/, "");
  return t;
}

/** MariaDB prints "NULL" as the default of a nullable column with none; that is no default. */
function normaliseDefault(value: string | null): string | null {
  if (value === null || value === "NULL") return null;
  return value;
}

export async function readDatabaseShape(conn: mysql.Connection, database: string): Promise<SchemaShape> {
  const q = async (sql: string) => (await conn.query<Row[]>(sql, [database]))[0];
  const [tables, columns, checks, stats, fks] = await Promise.all([
    q("SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"),
    q(
      `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLLATION_NAME
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    ),
    // MariaDB stores JSON as LONGTEXT with a json_valid() check; that pair is the JSON type.
    q("SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?"),
    q(
      `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    ),
    q(
      `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
              r.DELETE_RULE, r.UPDATE_RULE
         FROM information_schema.KEY_COLUMN_USAGE k
         JOIN information_schema.REFERENTIAL_CONSTRAINTS r
           ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
        WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    ),
  ]);

  const shape: SchemaShape = {};
  for (const t of tables) {
    if (IGNORED_TABLES.has(t.TABLE_NAME)) continue;
    shape[t.TABLE_NAME] = { engine: t.ENGINE, collation: t.TABLE_COLLATION, columns: {}, indexes: {}, foreignKeys: {} };
  }
  const tableOf = (name: string): TableShape | undefined => shape[name];

  const jsonColumns = new Set(
    checks.flatMap((c) => {
      const m = /^json_valid\(`(.+)`\)$/i.exec(String(c.CHECK_CLAUSE).trim());
      return m ? [`${c.TABLE_NAME}.${m[1]}`] : [];
    }),
  );
  for (const c of columns) {
    const table = tableOf(c.TABLE_NAME);
    if (!table) continue;
    const isJson = c.DATA_TYPE === "longtext" && jsonColumns.has(`${c.TABLE_NAME}.${c.COLUMN_NAME}`);
    const column: ColumnShape = {
      type: normaliseType(c.COLUMN_TYPE, c.DATA_TYPE, isJson),
      nullable: c.IS_NULLABLE === "YES",
      default: normaliseDefault(c.COLUMN_DEFAULT),
      autoIncrement: /auto_increment/i.test(c.EXTRA),
      collation: isJson ? null : (c.COLLATION_NAME ?? null),
    };
    // Anything else in EXTRA (ON UPDATE CURRENT_TIMESTAMP, VIRTUAL GENERATED) is something Prisma never writes.
    const extra = String(c.EXTRA).replace(/auto_increment/i, "").trim();
    if (extra) column.type += ` [${extra.toLowerCase()}]`;
    table.columns[c.COLUMN_NAME] = column;
  }

  for (const s of stats) {
    const table = tableOf(s.TABLE_NAME);
    if (!table) continue;
    const index = (table.indexes[s.INDEX_NAME] ??= {
      primary: s.INDEX_NAME === "PRIMARY",
      unique: Number(s.NON_UNIQUE) === 0,
      fulltext: s.INDEX_TYPE === "FULLTEXT",
      columns: [],
    });
    index.columns.push(`${s.COLUMN_NAME}${s.SUB_PART ? `(${s.SUB_PART})` : ""}${s.COLLATION === "D" ? " DESC" : ""}`);
  }

  for (const f of fks) {
    const table = tableOf(f.TABLE_NAME);
    if (!table) continue;
    const fk = (table.foreignKeys[f.CONSTRAINT_NAME] ??= {
      columns: [],
      referencedTable: f.REFERENCED_TABLE_NAME,
      referencedColumns: [],
      onDelete: f.DELETE_RULE,
      onUpdate: f.UPDATE_RULE,
    });
    fk.columns.push(f.COLUMN_NAME);
    fk.referencedColumns.push(f.REFERENCED_COLUMN_NAME);
  }
  return shape;
}
