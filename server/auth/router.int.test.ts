import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "./session-user";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";

let admin: SessionUser;

beforeAll(async () => {
  const tenant = await db.tenant.create({ data: { name: "T" } });
  const row = await db.user.create({
    data: { email: "a@t.local", name: "A", passwordHash: "x", role: "tenant_admin", tenantId: tenant.id },
  });
  admin = { id: row.id, email: row.email, name: row.name, role: row.role, tenantId: tenant.id, resellerId: null };
});

describe("me router", () => {
  it("returns the session user", async () => {
    expect(await createCaller(makeContext(admin)).me.get()).toEqual(admin);
  });

  it("saves the language on the account and logs it", async () => {
    await createCaller(makeContext(admin, "198.51.100.9")).me.setLocale({ locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).locale).toBe("en");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.set_locale" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      actorId: admin.id,
      actorRole: "tenant_admin",
      tenantId: admin.tenantId, // so the admin sees it in their tenant's log
      targetId: admin.id,
      ip: "198.51.100.9",
      result: "success",
    });
    expect(event.details).toEqual({ locale: "en" });
  });

  it("refuses an unknown language with a field error and changes nothing", async () => {
    const before = await db.auditEvent.count(SUCCESSFUL_AUDITS);
    await expect(createCaller(makeContext(admin)).me.setLocale({ locale: "fr" as "en" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).locale).toBe("en");
    expect(await db.auditEvent.count(SUCCESSFUL_AUDITS)).toBe(before);
  });

  it("refuses callers without a session", async () => {
    await expect(createCaller(makeContext(null)).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(createCaller(makeContext(null)).me.setLocale({ locale: "en" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
