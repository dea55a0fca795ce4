import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { TABLE_COLLATION, TABLE_ENGINE, type ColumnShape, type IndexShape, type SchemaShape, type TableShape } from "./drift-shape";

// Reads schema.prisma with Prisma's own parser (the prisma-schema wasm that `prisma generate`
// uses, pinned to the engines' version) and derives the MariaDB tables that `prisma migrate`
// would create for it: the same type mapping, default constraint names and referential actions.

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; values: { name: string; dbName: string | null }[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string; sortOrder?: "asc" | "desc"; length?: number }[];
};
type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

type SchemaWasm = { get_dmmf(params: string): string };

function loadWasm(): SchemaWasm {
  // The wasm glue reports Rust panics through this global; make a panic an ordinary error.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`prisma-schema-wasm panicked: ${message}`);
    },
  };
  return createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as SchemaWasm;
}

/** Prisma's datamodel for a schema file or a folder of .prisma files. */
export async function readDatamodel(schemaPath: string): Promise<Datamodel> {
  const files: [string, string][] = [];
  if ((await stat(schemaPath)).isDirectory()) {
    for (const name of (await readdir(schemaPath)).filter((n) => n.endsWith(".prisma")).sort()) {
      files.push([name, await readFile(path.join(schemaPath, name), "utf8")]);
    }
  } else {
    files.push([path.basename(schemaPath), await readFile(schemaPath, "utf8")]);
  }
  return datamodelOf(files);
}

export function datamodelOf(files: [string, string][]): Datamodel {
  let raw: string;
  try {
    raw = loadWasm().get_dmmf(JSON.stringify({ prismaSchema: files }));
  } catch (e) {
    // Validation errors arrive as JSON with a coloured message; show the message, plain.
    const text = e instanceof Error ? e.message : String(e);
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new Error(`schema.prisma is invalid:\n${message.replace(/\u001b\[[0-9;]*m/g, "")}`);
  }
  return (JSON.parse(raw) as { datamodel: Datamodel }).datamodel;
}

// Prisma's scalar → MySQL column type when no @db attribute is given.
const DEFAULT_TYPES: Record<string, string> = {
  String: "varchar(191)",
  Boolean: "tinyint(1)",
  Int: "int",
  BigInt: "bigint",
  Float: "double",
  Decimal: "decimal(65,30)",
  DateTime: "datetime(3)",
  Json: "json",
  Bytes: "longblob",
};

/** @db.VarChar(120) → varchar(120), @db.UnsignedInt → int unsigned, @db.Decimal(10, 2) → decimal(10,2). */
function nativeColumnType([name, args]: [string, string[]]): string {
  const unsigned = name.startsWith("Unsigned");
  const base = (unsigned ? name.slice("Unsigned".length) : name).toLowerCase();
  // MariaDB prints DATETIME(0) as datetime.
  const shown = /^(datetime|timestamp|time)$/.test(base) ? args.filter((a) => a.trim() !== "0") : args;
  const withArgs = shown.length ? `${base}(${shown.map((a) => a.trim()).join(",")})` : base;
  return unsigned ? `${withArgs} unsigned` : withArgs;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function columnDefault(field: DmmfField, type: string, enums: Map<string, DmmfEnum>): string | null {
  const d = field.default;
  if (d === undefined || d === null) return null;
  if (typeof d === "object" && !Array.isArray(d) && "name" in d) {
    const fn = d as { name: string; args: unknown[] };
    if (fn.name === "now") {
      // MariaDB prints the precision of the column: current_timestamp(3), or current_timestamp().
      return `current_timestamp(${/\((\d+)\)/.exec(type)?.[1] ?? ""})`;
    }
    if (fn.name === "dbgenerated") return typeof fn.args[0] === "string" ? fn.args[0] : null;
    // cuid(), uuid(), autoincrement() and the like are filled in by Prisma or AUTO_INCREMENT.
    return null;
  }
  if (field.kind === "enum") {
    const value = enums.get(field.type)?.values.find((v) => v.name === d);
    return sqlString(value?.dbName ?? String(d));
  }
  if (typeof d === "boolean") return d ? "1" : "0";
  if (typeof d === "number") return String(d);
  if (typeof d === "string") {
    if (field.type === "DateTime") return sqlString(d.replace("T", " ").replace(/Z$/, ""));
    if (["Int", "BigInt", "Float", "Decimal"].includes(field.type)) return d;
    return sqlString(d);
  }
  return sqlString(JSON.stringify(d));
}

function isTextType(type: string): boolean {
  return /^(char|varchar|tinytext|text|mediumtext|longtext|enum)\b/.test(type);
}

/** Prisma's default constraint name: Table_col1_col2_suffix, cut to MySQL's 64 characters. */
export function constraintName(table: string, columns: string[], suffix: "idx" | "key" | "fkey"): string {
  const stem = [table, ...columns].join("_");
  const max = 64 - suffix.length - 1;
  return `${stem.length > max ? stem.slice(0, max) : stem}_${suffix}`;
}

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** The tables `prisma migrate` would create for this datamodel on MySQL/MariaDB. */
export function expectedShape(dm: Datamodel): SchemaShape {
  const enums = new Map(dm.enums.map((e) => [e.name, e]));
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };

  const shape: SchemaShape = {};
  for (const model of dm.models) {
    const table: TableShape = { engine: TABLE_ENGINE, collation: TABLE_COLLATION, columns: {}, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue; // the other side of a relation holds the key
        const target = models.get(field.type)!;
        const columns = from.map((f) => columnOf(model, f));
        table.foreignKeys[constraintName(tableOf(model), columns, "fkey")] = {
          columns,
          referencedTable: tableOf(target),
          referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          // Prisma's defaults: optional relations SET NULL on delete, required ones RESTRICT; updates CASCADE.
          onDelete: ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")]!,
          onUpdate: ACTIONS[field.relationOnUpdate ?? "Cascade"]!,
        };
        continue;
      }
      if (field.kind === "unsupported") continue;
      const type =
        field.kind === "enum"
          ? `enum(${(enums.get(field.type)?.values ?? []).map((v) => sqlString(v.dbName ?? v.name)).join(",")})`
          : field.nativeType
            ? nativeColumnType(field.nativeType)
            : (DEFAULT_TYPES[field.type] ?? `unknown Prisma type ${field.type}`);
      const fnDefault = field.default as { name?: string } | undefined;
      const column: ColumnShape = {
        type,
        nullable: !field.isRequired,
        default: columnDefault(field, type, enums),
        autoIncrement: fnDefault?.name === "autoincrement",
        collation: isTextType(type) ? TABLE_COLLATION : null,
      };
      table.columns[field.dbName ?? field.name] = column;
    }
    for (const index of dm.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map(
        (f) => `${columnOf(model, f.name)}${f.length ? `(${f.length})` : ""}${f.sortOrder === "desc" ? " DESC" : ""}`,
      );
      const bare = index.fields.map((f) => columnOf(model, f.name));
      const name =
        index.type === "id" ? "PRIMARY" : (index.dbName ?? constraintName(tableOf(model), bare, index.type === "unique" ? "key" : "idx"));
      const shape: IndexShape = {
        primary: index.type === "id",
        unique: index.type === "id" || index.type === "unique",
        fulltext: index.type === "fulltext",
        columns,
      };
      table.indexes[name] = shape;
    }
    shape[tableOf(model)] = table;
  }
  return shape;
}
