import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { OK, outcome } from "@/server/test/authz";
import { seedAuditWorld } from "./audit-test-fixtures";

// Each audit procedure × each kind of caller: allowed, UNAUTHORIZED, FORBIDDEN or NOT_FOUND.
let world: Awaited<ReturnType<typeof seedAuditWorld>>;
let operatorExportId: string;
let adminExportId: string;

const callerFor = (user: SessionUser | null) => createCaller(makeContext(user));

beforeAll(async () => {
  world = await seedAuditWorld();
  operatorExportId = (await callerFor(world.users.operator).audit.requestExport({ requestId: randomUUID() })).id;
  adminExportId = (await callerFor(world.users.adminA).audit.requestExport({ requestId: randomUUID() })).id;
});

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { tenant_admin: world.users.adminA, reseller: world.users.reseller, operator: world.users.operator }[w];

const procedures: Record<string, (user: SessionUser | null) => Promise<unknown>> = {
  list: (u) => callerFor(u).audit.list({ page: 1, pageSize: 10 }),
  listMine: (u) => callerFor(u).audit.listMine({ page: 1, pageSize: 10 }),
  filterOptions: (u) => callerFor(u).audit.filterOptions(),
  requestExport: (u) => callerFor(u).audit.requestExport({ requestId: randomUUID() }),
  exportStatus: (u) => callerFor(u).audit.exportStatus({ id: u?.role === "tenant_admin" ? adminExportId : operatorExportId }),
};

const matrix: Record<keyof typeof procedures, Record<Who, string>> = {
  list: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK },
  listMine: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: "FORBIDDEN" },
  filterOptions: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: OK },
  requestExport: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: OK },
  exportStatus: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: OK },
};

describe("audit procedures × roles", () => {
  for (const [name, expected] of Object.entries(matrix)) {
    for (const [w, result] of Object.entries(expected) as [Who, string][]) {
      it(`audit.${name} called by ${w} → ${result}`, async () => {
        expect(await outcome(() => procedures[name]!(who(w)))).toBe(result);
      });
    }
  }
});

describe("export ownership", () => {
  it("hides an export from everyone but its requester (NOT_FOUND, never FORBIDDEN)", async () => {
    const { users } = world;
    await expect(callerFor(users.otherOperator).audit.exportStatus({ id: operatorExportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(users.adminA).audit.exportStatus({ id: operatorExportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(users.adminB).audit.exportStatus({ id: adminExportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(users.operator).audit.exportStatus({ id: adminExportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(users.operator).audit.exportStatus({ id: "no-such-export" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to reuse another user's request id", async () => {
    await expect(
      callerFor(world.users.otherOperator).audit.requestExport({ requestId: operatorExportId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditExport.count({ where: { id: operatorExportId } })).toBe(1);
  });

  it("forces a tenant admin's export into their tenant whatever tenant they ask for", async () => {
    const requestId = randomUUID();
    await callerFor(world.users.adminA).audit.requestExport({ requestId, tenantId: world.tenantB.id });
    const row = await db.auditExport.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.scopeTenantId).toBe(world.tenantA.id);
    expect(row.filters).not.toHaveProperty("tenantId");
  });

  it("records each export request in the operation log", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.export", targetId: adminExportId } });
    expect(event).toMatchObject({ actorId: "admin-a", actorRole: "tenant_admin", tenantId: world.tenantA.id, targetType: "audit_export", result: "success", ip: "127.0.0.1" });
  });
});
