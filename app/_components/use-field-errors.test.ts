import { describe, expect, it } from "vitest";
import { fieldErrorEntries } from "./use-field-errors";

describe("fieldErrorEntries", () => {
  const fieldOf = { sender: "sender", from: "range", to: "range" } as const;

  it("gathers the messages of API fields that share a form field", () => {
    expect(fieldErrorEntries({ from: ["too early"], to: ["too long"], sender: ["bad"] }, fieldOf)).toEqual([
      { name: "sender", errors: ["bad"] },
      { name: "range", errors: ["too early", "too long"] },
    ]);
  });

  it("clears every mapped field when there are no errors and drops unknown paths", () => {
    expect(fieldErrorEntries({ cursor: ["bad cursor"] }, fieldOf)).toEqual([
      { name: "sender", errors: [] },
      { name: "range", errors: [] },
    ]);
  });
});
