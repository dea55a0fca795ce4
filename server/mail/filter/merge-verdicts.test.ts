import { describe, expect, it } from "vitest";
import { mergeVerdicts } from "./merge-verdicts";
import type { ScanDecision } from "./scan-decision";
import { dmarcRejected, dmarcTemporary, spamRejected, virusFound } from "./filter-refusals";

const scan = (over: Partial<ScanDecision>): ScanDecision => ({ refusal: null, quarantine: null, headers: ["X-Virus-Scanned: ClamAV (Mailstead)"], outboundSpam: null, ...over });
const spamHold = { kind: "spam" as const, score: 9, reasons: [{ name: "S", score: 9 }], tenantIds: ["t1"] };
const dmarcHold = { kind: "dmarc" as const, score: null, reasons: [{ name: "D" }], tenantIds: null };

describe("mergeVerdicts", () => {
  it("puts the authentication headers before the scan's", () => {
    expect(mergeVerdicts(["Authentication-Results: mx; spf=pass"], null, scan({}))).toEqual({ headers: ["Authentication-Results: mx; spf=pass", "X-Virus-Scanned: ClamAV (Mailstead)"] });
  });
  it("prefers a virus refusal, then DMARC, then spam; a final refusal over a temporary one", () => {
    expect(mergeVerdicts([], { refusal: dmarcRejected("d.test") }, scan({ refusal: virusFound("V") })).refusal?.code).toBe(554);
    expect(mergeVerdicts([], { refusal: dmarcRejected("d.test") }, scan({ refusal: spamRejected(20, 15) })).refusal?.text).toContain("DMARC");
    expect(mergeVerdicts([], { refusal: dmarcTemporary("d.test") }, scan({ refusal: spamRejected(20, 15) })).refusal?.code).toBe(550);
    expect(mergeVerdicts([], { refusal: dmarcTemporary("d.test") }, scan({})).refusal?.code).toBe(451);
  });
  it("merges two quarantine verdicts into one covering both", () => {
    const v = mergeVerdicts([], { quarantine: dmarcHold }, scan({ quarantine: spamHold }));
    expect(v.quarantine).toEqual({ kind: "dmarc", score: 9, reasons: [{ name: "D" }, { name: "S", score: 9 }], tenantIds: null });
    expect(mergeVerdicts([], null, scan({ quarantine: spamHold })).quarantine).toEqual(spamHold);
  });
});
