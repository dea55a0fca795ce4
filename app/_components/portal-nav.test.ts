import { describe, expect, it } from "vitest";
import { PORTAL_NAV, selectedNavHref } from "./portal-nav";
import { ROLE_HOME, roleForPath } from "@/server/auth/roles";

describe("PORTAL_NAV", () => {
  it("starts each portal's menu with its home and keeps every entry inside that portal", () => {
    for (const [role, items] of Object.entries(PORTAL_NAV)) {
      expect(items[0]?.href).toBe(ROLE_HOME[role as keyof typeof ROLE_HOME]);
      for (const item of items) expect(roleForPath(item.href)).toBe(role);
    }
  });

  it("links the operation log for operators and tenant admins", () => {
    expect(PORTAL_NAV.operator.map((i) => i.href)).toContain("/ops/audit");
    expect(PORTAL_NAV.tenant_admin.map((i) => i.href)).toContain("/console/audit");
  });

  it("links the alerts page for operators only", () => {
    expect(PORTAL_NAV.operator.map((i) => i.href)).toContain("/ops/alerts");
    expect(PORTAL_NAV.tenant_admin.map((i) => i.href)).not.toContain("/ops/alerts");
  });

  it("links the quarantine for tenant admins and mailbox users", () => {
    expect(PORTAL_NAV.tenant_admin.map((i) => i.href)).toContain("/console/quarantine");
    expect(PORTAL_NAV.mailbox_user.map((i) => i.href)).toEqual(["/mailbox", "/mailbox/quarantine", "/mailbox/security"]);
  });
});

describe("selectedNavHref", () => {
  const items = PORTAL_NAV.operator;

  it("picks the deepest matching entry", () => {
    expect(selectedNavHref("/ops", items)).toBe("/ops");
    expect(selectedNavHref("/ops/audit", items)).toBe("/ops/audit");
    expect(selectedNavHref("/ops/audit/exports/1", items)).toBe("/ops/audit");
  });

  it("does not match look-alike prefixes or other portals", () => {
    expect(selectedNavHref("/ops/auditing", items)).toBe("/ops");
    expect(selectedNavHref("/console", items)).toBeUndefined();
  });
});
