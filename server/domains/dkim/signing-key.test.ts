import { describe, expect, it } from "vitest";
import { signingKey, type KeyStatus } from "./signing-key";

const key = (id: string, status: KeyStatus, activatedAt: string | null, createdAt = "2026-01-01T00:00:00Z") => ({
  id,
  status,
  activatedAt: activatedAt ? new Date(activatedAt) : null,
  createdAt: new Date(createdAt),
});

describe("signingKey", () => {
  it("is none while every key is pending or retired", () => {
    expect(signingKey([])).toBeNull();
    expect(signingKey([key("a", "pending", null), key("b", "retired", "2026-02-01T00:00:00Z")])).toBeNull();
  });

  it("is the most recently verified active key, not the newest created", () => {
    const keys = [
      key("old", "active", "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z"),
      key("new", "active", "2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z"),
      key("next", "pending", null, "2026-07-01T00:00:00Z"),
      key("gone", "retired", "2026-09-01T00:00:00Z"),
    ];
    expect(signingKey(keys)?.id).toBe("new");
  });

  it("breaks a tie on activation by creation", () => {
    const at = "2026-02-01T00:00:00Z";
    expect(signingKey([key("a", "active", at, "2026-01-01T00:00:00Z"), key("b", "active", at, "2026-01-02T00:00:00Z")])?.id).toBe("b");
  });
});
