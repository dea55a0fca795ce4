import { describe, expect, it } from "vitest";
import { reasonsOf } from "./scan-message";

describe("reasonsOf", () => {
  it("keeps the symbols that moved the score, with their options after the description", () => {
    expect(
      reasonsOf([
        { name: "SPAMD", score: 9.3, description: "SpamAssassin's score (its rules and its Bayes)", options: ["BAYES_99,DIET_1"] },
        { name: "BAYES_SPAM", score: 6, options: ["100.00%"] },
        { name: "R_SPF_NA", score: 0, description: "no SPF" },
      ]),
    ).toEqual([
      { name: "SPAMD", score: 9.3, description: "SpamAssassin's score (its rules and its Bayes): BAYES_99,DIET_1" },
      { name: "BAYES_SPAM", score: 6, description: "100.00%" },
    ]);
  });

  it("keeps zero-score symbols when nothing scored (a forced verdict), and caps a long description", () => {
    const long = "x".repeat(400);
    const [r] = reasonsOf([{ name: "GTUBE", score: 0, description: long }]);
    expect(r!.name).toBe("GTUBE");
    expect(r!.description).toHaveLength(300);
    expect(r!.description!.endsWith("…")).toBe(true);
  });
});
