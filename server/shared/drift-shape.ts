// The common shape both sides of the drift check are reduced to: what schema.prisma says the
// database should be (drift-schema.ts) and what information_schema says it is
// (drift-database.ts). Everything is normalised to MariaDB's spelling so a plain comparison works.

export type ColumnShape = {
  /** MariaDB column type without integer display widths, e.g. varchar(191), int, tinyint(1), json. */
  type: string;
  nullable: boolean;
  /** The default as MariaDB prints it ('x', 5, current_timestamp(3)); null when there is none. */
  default: string | null;
  autoIncrement: boolean;
  /** Collation of a text column (null for other types and for JSON, which MariaDB stores as utf8mb4_bin). */
  collation: string | null;
};

export type IndexShape = {
  primary: boolean;
  unique: boolean;
  fulltext: boolean;
  /** Column names in order, with "(length)" for prefix indexes and " DESC" for descending parts. */
  columns: string[];
};

export type ForeignKeyShape = {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};

export type TableShape = {
  engine: string;
  collation: string;
  columns: Record<string, ColumnShape>;
  /** Keyed by index name; the primary key is "PRIMARY" as MariaDB names it. */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
};

export type SchemaShape = Record<string, TableShape>;

/** What every table must use (architecture: utf8mb4 + utf8mb4_unicode_ci, InnoDB for FKs and transactions). */
export const TABLE_ENGINE = "InnoDB";
export const TABLE_COLLATION = "utf8mb4_unicode_ci";
