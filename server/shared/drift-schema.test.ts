import { describe, expect, it } from "vitest";
import { compareShapes } from "./drift-compare";
import { constraintName, datamodelOf, expectedShape } from "./drift-schema";
import { FIXTURE_SCHEMA as SCHEMA } from "./drift-fixture";

// What `prisma migrate` would create on MySQL for a schema, derived through Prisma's own parser.

const shape = expectedShape(datamodelOf([["schema.prisma", SCHEMA]]));

describe("expectedShape", () => {
  it("maps Prisma's scalars and @db types to MariaDB column types", () => {
    const pets = shape.pets!.columns;
    expect(Object.fromEntries(Object.entries(pets).map(([k, c]) => [k, c.type]))).toEqual({
      id: "varchar(191)",
      pet_name: "varchar(40)",
      price: "decimal(10,2)",
      weight: "double",
      visits: "int unsigned",
      bio: "text",
      colour: "enum('red','dark-blue')",
      extra: "json",
      photo: "longblob",
      alive: "tinyint(1)",
      born: "datetime",
      seenAt: "timestamp(6)",
      ownerId: "int",
    });
    expect(shape.Owner!.columns.id).toEqual({ type: "int", nullable: false, default: null, autoIncrement: true, collation: null });
    expect(shape.Note!.columns.id!.type).toBe("bigint");
  });

  it("writes defaults the way MariaDB prints them", () => {
    const pets = shape.pets!.columns;
    expect(pets.colour!.default).toBe("'dark-blue'");
    expect(pets.visits!.default).toBe("0");
    expect(pets.alive!.default).toBe("0");
    expect(pets.born!.default).toBe("current_timestamp()");
    expect(pets.id!.default).toBeNull(); // uuid() is filled in by Prisma
    expect(pets.bio).toMatchObject({ nullable: true, default: null, collation: "utf8mb4_unicode_ci" });
    expect(pets.extra!.collation).toBeNull();
  });

  it("names indexes and foreign keys as Prisma does, honouring map:", () => {
    expect(shape.pets!.indexes).toEqual({
      PRIMARY: { primary: true, unique: true, fulltext: false, columns: ["id"] },
      pet_owner_name: { primary: false, unique: true, fulltext: false, columns: ["ownerId", "pet_name"] },
      pets_born_idx: { primary: false, unique: false, fulltext: false, columns: ["born DESC"] },
    });
    expect(shape.Note!.indexes.Note_text_idx!.columns).toEqual(["text(100)"]);
    expect(shape.pets!.foreignKeys).toEqual({
      pets_ownerId_fkey: { columns: ["ownerId"], referencedTable: "Owner", referencedColumns: ["id"], onDelete: "RESTRICT", onUpdate: "CASCADE" },
    });
    // An optional relation defaults to SET NULL on delete.
    expect(shape.Note!.foreignKeys.Note_ownerId_fkey!.onDelete).toBe("SET NULL");
  });

  it("cuts long constraint names to MySQL's 64 characters, keeping the suffix", () => {
    const name = constraintName("AVeryLongTableNameForTesting", ["aVeryLongColumnName", "anotherLongColumnName"], "fkey");
    expect(name).toHaveLength(64);
    expect(name.endsWith("_fkey")).toBe(true);
    expect(constraintName("User", ["email"], "key")).toBe("User_email_key");
  });

  it("surfaces schema errors from Prisma's parser", () => {
    expect(() => datamodelOf([["schema.prisma", "model X {\n  name String\n}\n"]])).toThrow(/^schema\.prisma is invalid:\n[^\u001b]*unique criteria/);
  });
});

describe("compareShapes", () => {
  it("finds no difference between a shape and itself", () => {
    expect(compareShapes(shape, structuredClone(shape))).toEqual([]);
  });

  it("lists every difference in a line that names the place", () => {
    const actual = structuredClone(shape);
    actual.pets!.columns.pet_name!.type = "varchar(50)";
    delete actual.Note!.indexes.Note_ownerId_idx;
    actual.Owner!.engine = "MyISAM";
    expect(compareShapes(shape, actual)).toEqual([
      "index Note.Note_ownerId_idx: in schema.prisma, missing from the database",
      "table Owner: engine is MyISAM in the database, expected InnoDB",
      "column pets.pet_name: type is varchar(50) in the database, schema.prisma says varchar(40)",
    ]);
  });
});
