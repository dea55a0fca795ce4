import { describe, expect, it } from "vitest";
import { landingPath } from "./landing-path";

describe("landingPath", () => {
  it("goes home without a callbackUrl", () => {
    expect(landingPath("tenant_admin", null)).toBe("/console");
    expect(landingPath("reseller", undefined)).toBe("/reseller");
    expect(landingPath("operator", "")).toBe("/ops");
  });

  it("keeps a path inside the role's own portal, with its query", () => {
    expect(landingPath("operator", "/ops/audit?action=user.set_locale")).toBe("/ops/audit?action=user.set_locale");
    expect(landingPath("tenant_admin", "/console")).toBe("/console");
  });

  it("ignores another role's portal", () => {
    expect(landingPath("tenant_admin", "/ops/audit")).toBe("/console");
    expect(landingPath("reseller", "/console")).toBe("/reseller");
  });

  it("ignores shared pages and look-alike prefixes", () => {
    expect(landingPath("operator", "/")).toBe("/ops");
    expect(landingPath("operator", "/signin")).toBe("/ops");
    expect(landingPath("operator", "/opsx")).toBe("/ops");
  });

  it("ignores other origins, protocol-relative and backslash tricks", () => {
    expect(landingPath("operator", "https://evil.example/ops")).toBe("/ops");
    expect(landingPath("operator", "//evil.example/ops")).toBe("/ops");
    expect(landingPath("operator", "/\\evil.example/ops")).toBe("/ops");
    expect(landingPath("operator", "javascript:alert(1)")).toBe("/ops");
  });

  it("resolves dot segments before checking the portal", () => {
    expect(landingPath("tenant_admin", "/console/../ops")).toBe("/console");
  });

  it("accepts an absolute URL on the given origin only", () => {
    expect(landingPath("operator", "http://localhost:3000/ops/audit", "http://localhost:3000")).toBe("/ops/audit");
    expect(landingPath("operator", "http://localhost:3001/ops/audit", "http://localhost:3000")).toBe("/ops");
  });
});
