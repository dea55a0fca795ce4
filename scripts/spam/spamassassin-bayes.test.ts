import { describe, expect, it } from "vitest";
import { parseMagic } from "./spamassassin-bayes";

describe("parseMagic", () => {
  it("reads nspam and nham from sa-learn --dump magic", () => {
    const dump = [
      "0.000          0          3          0  non-token data: bayes db version",
      "0.000          0        934          0  non-token data: nspam",
      "0.000          0       2071          0  non-token data: nham",
      "0.000          0      18376          0  non-token data: ntokens",
    ].join("\n");
    expect(parseMagic(dump)).toEqual({ spam: 934, ham: 2071 });
  });

  it("is zero for an empty or unreadable dump", () => {
    expect(parseMagic("")).toEqual({ spam: 0, ham: 0 });
    expect(parseMagic("ERROR: Bayes dump returned an error")).toEqual({ spam: 0, ham: 0 });
  });
});
