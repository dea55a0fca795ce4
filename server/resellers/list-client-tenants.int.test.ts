import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { listClientTenants } from "./list-client-tenants";

describe("listClientTenants", () => {
  it("lists only the reseller's own client tenants, newest first", async () => {
    const mine = await db.reseller.create({ data: { name: "Mine" } });
    const other = await db.reseller.create({ data: { name: "Other" } });
    await db.tenant.create({ data: { name: "Older", resellerId: mine.id, createdAt: new Date("2026-01-01T00:00:00Z") } });
    await db.tenant.create({
      data: { name: "Newer", resellerId: mine.id, status: "suspended", createdAt: new Date("2026-02-01T00:00:00Z") },
    });
    await db.tenant.create({ data: { name: "Theirs", resellerId: other.id } });
    await db.tenant.create({ data: { name: "Direct", resellerId: null } });

    const rows = await listClientTenants(mine.id);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ["Newer", "suspended"],
      ["Older", "active"],
    ]);
    expect(await listClientTenants("no-such-reseller")).toEqual([]);
  });
});
