import { describe, expect, it } from "vitest";
import { checkDmarc } from "./check-dmarc";
import type { TxtRecord } from "./check-types";
import { dmarcTxtValue, parseDmarc } from "./dmarc";
import { answer, codes, failed } from "./test-support";

const only = (...records: TxtRecord[]) => {
  const result = checkDmarc("example.com", [answer("r1", records)]);
  return [result.status, codes(result)];
};

describe("parseDmarc", () => {
  it("reads our recommended record", () => {
    const parsed = parseDmarc(dmarcTxtValue("dmarc-reports@mailstead.net"));
    expect(parsed).toMatchObject({ errors: [], warnings: [] });
    expect(parsed.tags.get("p")).toBe("quarantine");
  });
});

describe("checkDmarc", () => {
  it("is ok with p=quarantine or p=reject and a report address", () => {
    expect(only([dmarcTxtValue("dmarc-reports@mailstead.net")])).toEqual(["ok", []]);
    expect(only(["v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.net!10m; pct=100; adkim=s; aspf=r; fo=1:d"])).toEqual(["ok", []]);
  });

  it("accepts p=none with a warning", () => {
    expect(only(["v=DMARC1; p=none; rua=mailto:a@example.com"])).toEqual(["ok", ["dmarcPolicyNone"]]);
  });

  it("warns when no reports are asked for, and about tags receivers ignore", () => {
    expect(only(["v=DMARC1; p=reject"])).toEqual(["ok", ["dmarcNoReports"]]);
    expect(only(["v=DMARC1; p=reject; rua=mailto:a@example.com; foo=bar"])).toEqual(["ok", ["dmarcUnknownTag"]]);
  });

  it("is missing without a record, wrong when the TXT records there are not DMARC", () => {
    expect(only()).toEqual(["missing", ["dmarcMissing"]]);
    expect(only(["hello"])).toEqual(["wrong", ["dmarcNotDmarc"]]);
  });

  it("is wrong with more than one record", () => {
    expect(only(["v=DMARC1; p=reject"], ["v=DMARC1; p=none"])).toEqual(["wrong", ["dmarcMultiple"]]);
  });

  it("is wrong when malformed: v not first, no p, bad values, repeated tags", () => {
    expect(only(["p=reject; v=DMARC1"])).toEqual(["wrong", ["dmarcVersionNotFirst"]]);
    expect(only(["v=DMARC1; rua=mailto:a@example.com"])).toEqual(["wrong", ["dmarcPolicyMissing"]]);
    expect(only(["v=DMARC1; p=block"])).toEqual(["wrong", ["dmarcBadValue"]]);
    expect(only(["v=DMARC1; p=reject; pct=150"])).toEqual(["wrong", ["dmarcBadValue"]]);
    expect(only(["v=DMARC1; p=reject; rua=a@example.com"])).toEqual(["wrong", ["dmarcBadValue"]]);
    expect(only(["v=DMARC1; p=reject; p=none"])).toEqual(["wrong", ["dmarcDuplicateTag"]]);
    expect(only(["v=DMARC1; p=reject; oops"])).toEqual(["wrong", ["dmarcMalformedTag"]]);
  });

  it("is unknown when the resolver failed", () => {
    expect(checkDmarc("example.com", [failed<TxtRecord>("r1")]).status).toBe("unknown");
  });
});
