import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { connectTo } from "@/server/test/scratch-db";
import { recordAudit } from "./record-audit";

// The operation log and the login log are append-only in the database itself (triggers in the
// first migration), so no code path — Prisma, raw SQL, a console session — can rewrite history.

const actor = { id: "u-ops", email: "ops@mailstead.local", role: "operator" as const, tenantId: null, ip: "198.51.100.4" };

beforeAll(async () => {
  await recordAudit(actor, { action: "plan.update", target: { type: "Plan", id: "p1" }, details: { price: 20000 } });
  await recordAudit(actor, { action: "tenant.suspend", tenantId: "t1", result: "failure" });
  await db.loginEvent.createMany({
    data: [
      { email: "ops@mailstead.local", userId: "u-ops", ip: "198.51.100.4", userAgent: "vitest", result: "success" },
      { email: "nobody@example.com", result: "bad_credentials" },
    ],
  });
});

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// The same attempts against both tables, spelled out per model so the types stay exact.
const tables = {
  AuditEvent: {
    count: () => db.auditEvent.count(),
    append: (tx: Tx | typeof db = db) => tx.auditEvent.create({ data: { action: "late.entry", result: "success" } }),
    update: (id: bigint) => db.auditEvent.update({ where: { id }, data: { ip: "203.0.113.9" } }),
    updateMany: () => db.auditEvent.updateMany({ data: { result: "success" } }),
    delete: (id: bigint) => db.auditEvent.delete({ where: { id } }),
    deleteMany: (tx: Tx | typeof db = db) => tx.auditEvent.deleteMany({}),
    firstId: async () => (await db.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } })).id,
  },
  LoginEvent: {
    count: () => db.loginEvent.count(),
    append: (tx: Tx | typeof db = db) => tx.loginEvent.create({ data: { email: "late@example.com", result: "disabled" } }),
    update: (id: bigint) => db.loginEvent.update({ where: { id }, data: { ip: "203.0.113.9" } }),
    updateMany: () => db.loginEvent.updateMany({ data: { result: "success" } }),
    delete: (id: bigint) => db.loginEvent.delete({ where: { id } }),
    deleteMany: (tx: Tx | typeof db = db) => tx.loginEvent.deleteMany({}),
    firstId: async () => (await db.loginEvent.findFirstOrThrow({ orderBy: { id: "asc" } })).id,
  },
};

const snapshot = async () => ({
  audit: await db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  login: await db.loginEvent.findMany({ orderBy: { id: "asc" } }),
});

describe.each(Object.keys(tables) as (keyof typeof tables)[])("%s is append-only", (table) => {
  const t = tables[table];
  const refused = new RegExp(`${table} is append-only`);

  it("refuses UPDATE and DELETE through Prisma", async () => {
    const before = await snapshot();
    const id = await t.firstId();
    await expect(t.update(id)).rejects.toThrow(refused);
    await expect(t.updateMany()).rejects.toThrow(refused);
    await expect(t.delete(id)).rejects.toThrow(refused);
    await expect(t.deleteMany()).rejects.toThrow(refused);
    // Inside a transaction the refusal rolls back the whole transaction, the append included.
    await expect(
      db.$transaction(async (tx) => {
        await t.append(tx);
        await t.deleteMany(tx);
      }),
    ).rejects.toThrow(refused);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses UPDATE and DELETE in raw SQL, with SQLSTATE 45000", async () => {
    const before = await snapshot();
    await expect(db.$executeRawUnsafe(`UPDATE \`${table}\` SET ip = '203.0.113.9'`)).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`DELETE FROM \`${table}\``)).rejects.toThrow(refused);

    const conn = await connectTo(env().DATABASE_URL);
    try {
      for (const sql of [`UPDATE \`${table}\` SET occurredAt = NOW(3) WHERE id = 1`, `DELETE FROM \`${table}\` WHERE id = 1`]) {
        const error = (await conn.query(sql).catch((e: unknown) => e)) as { sqlState?: string; message?: string };
        expect(error.sqlState).toBe("45000");
        expect(error.message).toBe(`${table} is append-only`);
      }
    } finally {
      await conn.end();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("still accepts new rows", async () => {
    const count = await t.count();
    await t.append();
    expect(await t.count()).toBe(count + 1);
  });
});
