import { describe, expect, it } from "vitest";
import { AVAILABILITY_PROBES, CONNECTIVITY_PROBES } from "./constants";
import { measuredMinutes, platformFailureMinutes, reachesUserShare, tenantFailureMinutes } from "./failure-minutes";
import { at, minute, minutesFrom, MONTH, sample, samplesFor } from "./sla-rules-test-helpers";

const tenant = (minutes: number, affected: number | null, probe: "smtp_mx" | "pop3" = "smtp_mx", ok = false) =>
  sample({ at: at(minutes, 10), probe, ok, tenantId: "t1", affected });

describe("platform failure minutes", () => {
  it("one location: any failure is a failure minute; several in a minute count once", () => {
    const obs = [...samplesFor(0, 3, true), sample({ at: at(1, 10), ok: false }), sample({ at: at(1, 40), ok: false }), sample({ at: at(1, 50), ok: false, probe: "pop3" })];
    expect(platformFailureMinutes(obs, AVAILABILITY_PROBES)).toEqual([minute(1)]);
  });

  it("two locations with one failing: a failure (a tie goes to the customer)", () => {
    const obs = [sample({ at: at(0), location: "sh-1", ok: false }), sample({ at: at(0), location: "bj-1", ok: true })];
    expect(platformFailureMinutes(obs, AVAILABILITY_PROBES)).toEqual([minute(0)]);
  });

  it("three locations with one failing: not a failure; two failing: a failure", () => {
    const three = (failing: number) =>
      ["sh-1", "bj-1", "gz-1"].map((location, i) => sample({ at: at(0, i), location, ok: i >= failing }));
    expect(platformFailureMinutes(three(1), AVAILABILITY_PROBES)).toEqual([]);
    expect(platformFailureMinutes(three(2), AVAILABILITY_PROBES)).toEqual([minute(0)]);
  });

  it("counts per probe: one probe failing everywhere fails the minute", () => {
    const obs = [
      sample({ at: at(0), location: "sh-1", probe: "pop3", ok: false }),
      sample({ at: at(0), location: "bj-1", probe: "smtp_mx", ok: true }),
      sample({ at: at(0), location: "gz-1", probe: "smtp_mx", ok: true }),
    ];
    expect(platformFailureMinutes(obs, AVAILABILITY_PROBES)).toEqual([minute(0)]);
  });

  it("ignores other probes and tenant-scoped samples", () => {
    const obs = [sample({ at: at(0), probe: "network", ok: false }), sample({ at: at(1), ok: false, tenantId: "t1", affected: 50 })];
    expect(platformFailureMinutes(obs, AVAILABILITY_PROBES)).toEqual([]);
    expect(platformFailureMinutes(obs, CONNECTIVITY_PROBES)).toEqual([minute(0)]);
  });
});

describe("tenant failure minutes (10 % of active mailboxes, inclusive)", () => {
  it("20 mailboxes: 2 affected count, 1 does not", () => {
    expect(tenantFailureMinutes([tenant(0, 2), tenant(1, 1)], 20)).toEqual([minute(0)]);
  });

  it("7 mailboxes: 10 % is 0.7, so 1 affected counts", () => {
    expect(tenantFailureMinutes([tenant(0, 1)], 7)).toEqual([minute(0)]);
    expect(reachesUserShare(1, 10)).toBe(true);
    expect(reachesUserShare(1, 11)).toBe(false);
  });

  it("per probe the largest count, summed over probes, capped at the mailboxes", () => {
    // smtp 1 and 1 again (same mailbox) + pop3 1 = 2 of 20.
    expect(tenantFailureMinutes([tenant(0, 1), tenant(0, 1), tenant(0, 1, "pop3")], 20)).toEqual([minute(0)]);
    expect(tenantFailureMinutes([tenant(0, 1), tenant(0, 1)], 20)).toEqual([]);
    expect(tenantFailureMinutes([tenant(0, 500)], 3)).toEqual([minute(0)]);
  });

  it("a failure without a count is one mailbox; successes and platform samples do not count", () => {
    expect(tenantFailureMinutes([tenant(0, null)], 10)).toEqual([minute(0)]);
    expect(tenantFailureMinutes([tenant(0, null)], 11)).toEqual([]);
    expect(tenantFailureMinutes([tenant(0, 5, "smtp_mx", true), sample({ at: at(1), ok: false })], 10)).toEqual([]);
  });

  it("no active mailboxes: nobody is unusable", () => {
    expect(tenantFailureMinutes([tenant(0, 3)], 0)).toEqual([]);
  });

  it("takes the probes asked for", () => {
    const network = sample({ at: at(0), probe: "network", ok: false, tenantId: "t1", affected: 5 });
    expect(tenantFailureMinutes([network], 10)).toEqual([]);
    expect(tenantFailureMinutes([network], 10, CONNECTIVITY_PROBES)).toEqual([minute(0)]);
  });
});

describe("measured minutes", () => {
  it("counts minutes of the month with at least one sample of the probes", () => {
    const obs = [...samplesFor(0, 5, true), ...samplesFor(3, 5, false, "pop3"), sample({ at: MONTH.end, ok: true }), sample({ at: at(9), probe: "network" })];
    expect(measuredMinutes(obs, AVAILABILITY_PROBES, MONTH)).toBe(8);
    expect(measuredMinutes(obs, CONNECTIVITY_PROBES, MONTH)).toBe(1);
    expect(measuredMinutes([], AVAILABILITY_PROBES, MONTH)).toBe(0);
  });

  it("minutesFrom helper agrees with the failure lists", () => {
    expect(platformFailureMinutes(samplesFor(10, 3, false), AVAILABILITY_PROBES)).toEqual(minutesFrom(10, 3));
  });
});
