import { describe, expect, it } from "vitest";
import type { CheckedRecord } from "@/server/domains/check/check-result.types";
import type { ExpectedRecord } from "@/server/domains/rules/expected-records";
import { stepStatus, wizardSteps } from "./wizard-types";

const mx = (host: string, priority: number): ExpectedRecord => ({ group: "mx", name: "a.com", host: "@", type: "MX", value: host, ttl: 3600, priority });
const dkim = (selector: string): ExpectedRecord => ({ group: "dkim", name: `${selector}._domainkey.a.com`, host: `${selector}._domainkey`, type: "TXT", value: "v=DKIM1", ttl: 3600, selector });
const checked = (r: Partial<CheckedRecord> & Pick<CheckedRecord, "group" | "name" | "status">): CheckedRecord => ({ host: "@", type: "TXT", expected: [], problems: [], ...r });

describe("wizardSteps", () => {
  const groups = [
    { group: "mx" as const, records: [mx("mx-n.p.net", 5), mx("mx1-n.p.net", 50)] },
    { group: "dkim" as const, records: [dkim("s1"), dkim("s2")] },
    { group: "dmarc" as const, records: [] },
  ];

  it("leaves every record unchecked before the first check", () => {
    const steps = wizardSteps(groups, null);
    expect(steps.map((s) => s.group)).toEqual(["mx", "dkim"]);
    expect(steps.every((s) => s.status === null && s.records.every((r) => r.check === null && !r.showProblems))).toBe(true);
  });

  it("shows one MX check on both rows but its diagnosis once, and matches DKIM by selector", () => {
    const problem = { code: "mxMissing", params: { domain: "a.com" } };
    const steps = wizardSteps(groups, [
      checked({ group: "mx", name: "a.com", type: "MX", status: "missing", problems: [problem] }),
      checked({ group: "dkim", name: "s1._domainkey.a.com", selector: "s1", status: "ok" }),
      checked({ group: "dkim", name: "s2._domainkey.a.com", selector: "s2", status: "pending" }),
    ]);
    const [mxStep, dkimStep] = steps;
    expect(mxStep!.records.map((r) => [r.check?.status, r.showProblems])).toEqual([["missing", true], ["missing", false]]);
    expect(mxStep!.status).toBe("missing");
    expect(dkimStep!.records.map((r) => r.check?.status)).toEqual(["ok", "pending"]);
    expect(dkimStep!.status).toBe("pending");
  });
});

describe("stepStatus", () => {
  const rec = (status: CheckedRecord["status"] | null) => ({ ...mx("x", 5), check: status ? { status, problems: [] } : null, showProblems: false });

  it("is the worst status, and null while any record is unchecked", () => {
    expect(stepStatus([rec("ok"), rec("pending"), rec("wrong"), rec("missing")])).toBe("wrong");
    expect(stepStatus([rec("ok"), rec("unknown")])).toBe("unknown");
    expect(stepStatus([rec("ok"), rec(null)])).toBeNull();
  });
});
