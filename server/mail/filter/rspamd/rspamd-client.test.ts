import { describe, expect, it } from "vitest";
import { FilterUnavailableError } from "../filter-unavailable";
import { secondOpinionMissing } from "./rspamd-client";

describe("secondOpinionMissing", () => {
  it("is nothing when SpamAssassin answered, or was not asked (a large message, GTUBE)", () => {
    expect(secondOpinionMissing([{ name: "SPAMD", score: 6, options: ["BAYES_99"] }, { name: "BAYES_SPAM", score: 6 }])).toBeNull();
    expect(secondOpinionMissing([{ name: "GTUBE", score: 0 }])).toBeNull();
  });

  it("is a FilterUnavailableError naming spamassassin when rspamd could not reach spamd", () => {
    const e = secondOpinionMissing([{ name: "BAYES_HAM", score: -3 }, { name: "SPAMD_FAIL", score: 0, options: ["failed to scan and retransmits exceed"] }]);
    expect(e).toBeInstanceOf(FilterUnavailableError);
    expect(e!.scanner).toBe("spamassassin");
    expect(e!.message).toBe("spamassassin: rspamd could not get spamd's score: failed to scan and retransmits exceed");
  });
});
