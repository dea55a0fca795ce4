import { describe, expect, it } from "vitest";
import { countAuditEntry, MAX_SUMMARY_BYTES, REDACTED, summariseInput, withAuditScope } from "./audit-context";

describe("summariseInput", () => {
  it("redacts passwords, secrets, tokens, codes and recovery codes at every depth", () => {
    const summary = summariseInput({
      name: "Alice",
      password: "Secret#2026",
      newPassword: "x",
      profile: { totpSecret: "JBSWY3DP", resetToken: "abc", code: "123456", recoveryCodes: ["a", "b"] },
    });
    expect(summary).toEqual({
      name: "Alice",
      password: REDACTED,
      newPassword: REDACTED,
      profile: { totpSecret: REDACTED, resetToken: REDACTED, code: REDACTED, recoveryCodes: REDACTED },
    });
  });

  it("cuts a long string (a logo data URL) and keeps the row small", () => {
    const logo = `data:image/png;base64,${"A".repeat(300_000)}`;
    const summary = summariseInput({ logo }) as { logo: string };
    expect(summary.logo).toMatch(/^data:image\/png;base64,A+… \(300022 characters\)$/);
    expect(summary.logo.length).toBeLessThan(240);
  });

  it("falls back to the top-level keys when the input is still too large", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ [`k${i}`]: Array.from({ length: 20 }, () => "x".repeat(150)) }));
    const input = Object.assign({}, ...rows) as Record<string, unknown>;
    const summary = summariseInput(input) as { truncated: boolean; keys: string[] };
    expect(summary.truncated).toBe(true);
    expect(summary.keys).toContain("k0");
    expect(JSON.stringify(summary).length).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
  });

  it("turns dates, big integers and odd values into JSON", () => {
    expect(summariseInput({ at: new Date("2026-11-28T10:00:00Z"), n: 12n, nan: Number.NaN, u: undefined, list: Array(25).fill(1) })).toEqual({
      at: "2026-11-28T10:00:00.000Z",
      n: "12",
      nan: "NaN",
      list: [...Array(20).fill(1), "… 5 more"],
    });
    expect(summariseInput(undefined)).toBeNull();
  });
});

describe("audit scope", () => {
  it("counts entries recorded inside it, and counting outside any scope does nothing", async () => {
    countAuditEntry("success");
    const { value, scope } = await withAuditScope(async () => {
      countAuditEntry("success");
      await Promise.resolve();
      countAuditEntry("failure");
      return 7;
    });
    expect(value).toBe(7);
    expect(scope).toEqual({ successes: 1, failures: 1 });
  });

  it("keeps concurrent scopes apart", async () => {
    const [a, b] = await Promise.all([
      withAuditScope(async () => {
        await new Promise((r) => setTimeout(r, 5));
        countAuditEntry("success");
      }),
      withAuditScope(async () => countAuditEntry("failure")),
    ]);
    expect(a.scope).toEqual({ successes: 1, failures: 0 });
    expect(b.scope).toEqual({ successes: 0, failures: 1 });
  });
});
