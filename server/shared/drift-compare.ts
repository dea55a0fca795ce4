import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape, TableShape } from "./drift-shape";

// Compares the expected shape (schema.prisma) with the actual one (the database) and describes
// each difference in a line a person can act on.

const show = (v: unknown) => (v === null ? "none" : typeof v === "string" ? v : JSON.stringify(v));

function diffKeys<T>(
  label: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  each: (name: string, e: T, a: T) => string[],
): string[] {
  const out: string[] = [];
  for (const name of Object.keys(expected).sort()) {
    const a = actual[name];
    if (a === undefined) out.push(`${label} ${name}: in schema.prisma, missing from the database`);
    else out.push(...each(name, expected[name]!, a));
  }
  for (const name of Object.keys(actual).sort()) {
    if (!(name in expected)) out.push(`${label} ${name}: in the database, not in schema.prisma`);
  }
  return out;
}

function diffFields<T extends object>(what: string, expected: T, actual: T): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof T)[]) {
    const e = expected[key];
    const a = actual[key];
    if (JSON.stringify(e) !== JSON.stringify(a)) {
      out.push(`${what}: ${String(key)} is ${show(a)} in the database, schema.prisma says ${show(e)}`);
    }
  }
  return out;
}

function diffTable(table: string, e: TableShape, a: TableShape): string[] {
  return [
    ...(e.engine !== a.engine ? [`table ${table}: engine is ${a.engine} in the database, expected ${e.engine}`] : []),
    ...(e.collation !== a.collation ? [`table ${table}: collation is ${a.collation} in the database, expected ${e.collation}`] : []),
    ...diffKeys<ColumnShape>("column", prefixed(table, e.columns), prefixed(table, a.columns), (n, x, y) => diffFields(`column ${n}`, x, y)),
    ...diffKeys<IndexShape>("index", prefixed(table, e.indexes), prefixed(table, a.indexes), (n, x, y) => diffFields(`index ${n}`, x, y)),
    ...diffKeys<ForeignKeyShape>("foreign key", prefixed(table, e.foreignKeys), prefixed(table, a.foreignKeys), (n, x, y) =>
      diffFields(`foreign key ${n}`, x, y),
    ),
  ];
}

/** Keys "Table.name" so each line says where the difference is. */
function prefixed<T>(table: string, record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${table}.${k}`, v]));
}

/** Every difference between the two shapes, one line each; empty when they agree. */
export function compareShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  return diffKeys("table", expected, actual, diffTable);
}
