import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/server/auth/policy/security-policy";
import { needsTouch, sessionExpiry, sessionState } from "./session-state";
import { sessionRestriction } from "./session-restriction";
import { allowedWhileRestricted } from "./restriction-gate";

const T0 = new Date("2026-11-28T10:00:00Z");
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const live = { createdAt: T0, lastSeenAt: T0, expiresAt: min(12 * 60), revokedAt: null };

describe("session state", () => {
  it("idle after sessionIdleMinutes without a request, expired at expiresAt, revoked first", () => {
    expect(sessionState(live, DEFAULT_POLICY, min(29))).toBe("active");
    expect(sessionState(live, DEFAULT_POLICY, min(30))).toBe("idle");
    expect(sessionState({ ...live, lastSeenAt: min(700) }, DEFAULT_POLICY, min(12 * 60))).toBe("expired");
    expect(sessionState({ ...live, revokedAt: T0 }, DEFAULT_POLICY, min(1))).toBe("revoked");
  });

  it("ends sessionAbsoluteHours after sign-in; touches once a minute", () => {
    expect(sessionExpiry(DEFAULT_POLICY, T0)).toEqual(min(12 * 60));
    expect(needsTouch(T0, new Date(T0.getTime() + 59_999))).toBe(false);
    expect(needsTouch(T0, min(1))).toBe(true);
  });
});

describe("restriction", () => {
  const policy = { ...DEFAULT_POLICY };
  it("an expired password first, then a required but missing second factor", () => {
    const old = new Date(T0.getTime() - 91 * 86_400_000);
    expect(sessionRestriction({ role: "operator", passwordSetAt: old, totpEnabled: false }, policy, T0)).toBe("change_password");
    expect(sessionRestriction({ role: "operator", passwordSetAt: T0, totpEnabled: false }, policy, T0)).toBe("enrol_totp");
    expect(sessionRestriction({ role: "operator", passwordSetAt: T0, totpEnabled: true }, policy, T0)).toBeNull();
    expect(sessionRestriction({ role: "tenant_admin", passwordSetAt: T0, totpEnabled: false }, policy, T0)).toBeNull();
    expect(sessionRestriction({ role: "mailbox_user", passwordSetAt: T0, totpEnabled: false }, { ...policy, totpPolicy: "required" }, T0)).toBeNull();
    expect(sessionRestriction({ role: "tenant_admin", passwordSetAt: old, totpEnabled: false }, { ...policy, passwordMaxAgeDays: 0 }, T0)).toBeNull();
  });

  it("a restricted session may call only what lifts the restriction", () => {
    const admin = { role: "tenant_admin" as const, restriction: "enrol_totp" as const };
    for (const path of ["me.get", "me.setLocale", "security.totp.beginEnrolment", "security.passwords.changeMine", "security.sessions.list"]) {
      expect(allowedWhileRestricted(admin, path)).toBe(true);
    }
    for (const path of ["tenants.mailboxes.list", "security.policy.tenant.update", "security.loginLog.list", "me.getX", "tenants.selfService.get"]) {
      expect(allowedWhileRestricted(admin, path)).toBe(false);
    }
    // Someone else's second factor is administration: it waits too.
    for (const path of ["security.totp.resetForUser", "security.totp.accounts"]) {
      expect(allowedWhileRestricted(admin, path)).toBe(false);
      expect(allowedWhileRestricted({ role: "operator", restriction: "change_password" }, path)).toBe(false);
    }
    for (const path of ["security.totp.status", "security.totp.confirmEnrolment", "security.totp.regenerateRecoveryCodes", "security.totp.disable"]) {
      expect(allowedWhileRestricted(admin, path)).toBe(true);
    }
    const box = { role: "mailbox_user" as const, restriction: "change_password" as const };
    expect(allowedWhileRestricted(box, "tenants.selfService.changePassword")).toBe(true);
    expect(allowedWhileRestricted(box, "tenants.selfService.quarantine.list")).toBe(false);
    expect(allowedWhileRestricted({ role: "tenant_admin", restriction: null }, "anything.at.all")).toBe(true);
  });
});
