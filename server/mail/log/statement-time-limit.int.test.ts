import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { isStatementTimeout, timed } from "./statement-time-limit";

// The hard stop behind the delivery log's scan budget, against the real server.
const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("timed", () => {
  it("lets a statement within its limit answer", async () => {
    expect(await db.$queryRaw<{ n: bigint }[]>(timed(Prisma.sql`SELECT ${7} + 1 AS n`, 5_000))).toEqual([{ n: 8n }]);
  });

  it("has MariaDB stop a statement that overruns its limit, recognisably", async () => {
    // A billion generated rows: far longer than 5 ms.
    const e = await failureOf(db.$queryRaw(timed(Prisma.sql`SELECT COUNT(*) FROM seq_1_to_1000000000 WHERE seq % 7 = 3`, 5)));
    expect(isStatementTimeout(e)).toBe(true);
  });

  it("tells other failures apart", async () => {
    expect(isStatementTimeout(await failureOf(db.$queryRaw(Prisma.sql`SELECT * FROM NoSuchTable`)))).toBe(false);
    expect(isStatementTimeout(new Error("x"))).toBe(false);
    expect(isStatementTimeout(null)).toBe(false);
  });
});
