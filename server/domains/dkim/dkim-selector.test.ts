import { describe, expect, it } from "vitest";
import { baseSelector, nextSelector } from "./dkim-selector";

describe("DKIM selectors", () => {
  it("name the UTC year and month", () => {
    expect(baseSelector(new Date("2026-11-26T10:00:00Z"))).toBe("ms202611");
    expect(baseSelector(new Date("2027-01-01T00:00:00Z"))).toBe("ms202701");
    expect(baseSelector(new Date("2026-12-31T23:59:59Z"))).toBe("ms202612");
  });

  it("take a suffix on collision, never reusing a retired selector", () => {
    const at = new Date("2026-11-26T10:00:00Z");
    expect(nextSelector(at, [])).toBe("ms202611");
    expect(nextSelector(at, ["ms202610"])).toBe("ms202611");
    expect(nextSelector(at, ["ms202611"])).toBe("ms202611-2");
    expect(nextSelector(at, ["ms202611", "ms202611-2", "ms202611-4"])).toBe("ms202611-3");
  });
});
