import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { connectTo } from "@/server/test/scratch-db";
import { createBillingTenant } from "../billing-test-fixtures";
import { appendLedgerEntry } from "./append-ledger-entry";
import { moneyTransaction } from "./money-transaction";

// The ledger is append-only in the database itself (triggers in the billing migration): no code
// path — Prisma, raw SQL, a console session — can rewrite or remove money already booked.

const refused = /LedgerEntry is append-only/;
let tenantId: string;

const append = (key: string, amount = 10_000) =>
  moneyTransaction((tx) => appendLedgerEntry(tx, { tenantId, kind: "payment", amount, currency: "CNY", idempotencyKey: key }));
const snapshot = () => db.ledgerEntry.findMany({ orderBy: { id: "asc" } });

beforeAll(async () => {
  tenantId = (await createBillingTenant()).tenant.id;
  await append("imm-1");
  await append("imm-2", -2_500);
});

describe("LedgerEntry is append-only", () => {
  it("refuses UPDATE and DELETE in raw SQL", async () => {
    const before = await snapshot();
    await expect(db.$executeRawUnsafe("UPDATE `LedgerEntry` SET amount = amount * 100")).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe("UPDATE `LedgerEntry` SET note = 'edited' WHERE idempotencyKey = 'imm-1'")).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe("DELETE FROM `LedgerEntry` WHERE idempotencyKey = 'imm-2'")).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe("DELETE FROM `LedgerEntry`")).rejects.toThrow(refused);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses UPDATE and DELETE through Prisma, and rolls back the transaction that tried", async () => {
    const before = await snapshot();
    const first = before[0]!;
    await expect(db.ledgerEntry.update({ where: { id: first.id }, data: { amount: 1n } })).rejects.toThrow(refused);
    await expect(db.ledgerEntry.updateMany({ data: { currency: "USD" } })).rejects.toThrow(refused);
    await expect(db.ledgerEntry.delete({ where: { id: first.id } })).rejects.toThrow(refused);
    await expect(
      moneyTransaction(async (tx) => {
        await appendLedgerEntry(tx, { tenantId, kind: "adjustment", amount: 1, currency: "CNY", idempotencyKey: "imm-rolled-back" });
        await tx.ledgerEntry.deleteMany({ where: { tenantId } });
      }),
    ).rejects.toThrow(refused);
    expect(await snapshot()).toEqual(before);
  });

  it("answers SQLSTATE 45000 to a plain SQL session", async () => {
    const conn = await connectTo(env().DATABASE_URL);
    try {
      for (const sql of ["UPDATE `LedgerEntry` SET amount = 0 WHERE id > 0", "DELETE FROM `LedgerEntry` WHERE id > 0"]) {
        const error = (await conn.query(sql).catch((e: unknown) => e)) as { sqlState?: string; message?: string };
        expect(error.sqlState).toBe("45000");
        expect(error.message).toBe("LedgerEntry is append-only");
      }
    } finally {
      await conn.end();
    }
  });

  it("still accepts INSERT, raw or through appendLedgerEntry", async () => {
    const count = await db.ledgerEntry.count();
    await db.$executeRawUnsafe(
      "INSERT INTO `LedgerEntry` (tenantId, kind, amount, currency, idempotencyKey, occurredAt) VALUES (?, 'sla_credit', 500, 'CNY', 'imm-raw', NOW(3))",
      tenantId,
    );
    await append("imm-3");
    expect(await db.ledgerEntry.count()).toBe(count + 2);
  });
});
