import { describe, expect, it } from "vitest";
import { newOrderReference, normaliseOrderReference, ORDER_REFERENCE } from "./order-reference";

describe("order references", () => {
  it("look like MS-XXXX-XXXX in Crockford's alphabet and rarely repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const ref = newOrderReference();
      expect(ref).toMatch(ORDER_REFERENCE);
      seen.add(ref);
    }
    expect(seen.size).toBe(10_000);
  });

  it("forgive how people retype them", () => {
    expect(normaliseOrderReference(" ms 7k3q 9xpd ")).toBe("MS-7K3Q-9XPD");
    expect(normaliseOrderReference("MS-7K3O-9XPL")).toBe("MS-7K30-9XP1");
    expect(normaliseOrderReference("7K3Q9XPD")).toBe("MS-7K3Q-9XPD");
    expect(normaliseOrderReference(" hello ")).toBe("HELLO");
  });
});
