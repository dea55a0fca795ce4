import { describe, expect, it } from "vitest";
import { totpRequired } from "./totp-required";

describe("who must have a second factor", () => {
  it("always operators; admins and resellers when their policy says so; never mailbox users", () => {
    const optional = { totpPolicy: "optional" as const };
    const required = { totpPolicy: "required" as const };
    expect(totpRequired("operator", optional)).toBe(true);
    expect(totpRequired("tenant_admin", optional)).toBe(false);
    expect(totpRequired("tenant_admin", required)).toBe(true);
    expect(totpRequired("reseller", optional)).toBe(false);
    expect(totpRequired("reseller", required)).toBe(true);
    expect(totpRequired("mailbox_user", required)).toBe(false);
  });
});
