import { describe, expect, it } from "vitest";
import { barLevel, overallState, serviceState, totalUptime, uptime, uptimeText, type RunSample } from "./status-rules";

const run = (second: number, ok: boolean, over: Partial<RunSample> = {}): RunSample => ({
  target: "127.0.0.1:25",
  location: "bj-1",
  ok,
  at: new Date(Date.UTC(2026, 10, 5, 10, 0, second)),
  ...over,
});

describe("serviceState", () => {
  it("is unknown without runs: nothing measured is never operational", () => {
    expect(serviceState([])).toBe("unknown");
  });

  it("is operational when every target's last two runs passed, whatever failed before them", () => {
    expect(serviceState([run(0, false), run(1, false), run(2, true), run(3, true)])).toBe("operational");
  });

  it("is an outage when the last two runs failed, and degraded after a single failure (a blip)", () => {
    expect(serviceState([run(0, true), run(1, false), run(2, false)])).toBe("outage");
    expect(serviceState([run(0, true), run(1, true), run(2, false)])).toBe("degraded");
    expect(serviceState([run(0, false), run(1, false), run(2, true)])).toBe("degraded"); // recovering
    expect(serviceState([run(0, false)])).toBe("degraded"); // one run only: not yet two in a row
  });

  it("orders runs by time, not by the order they arrive in", () => {
    expect(serviceState([run(3, false), run(0, true), run(2, false), run(1, true)])).toBe("outage");
  });

  it("is degraded when only one target or location of several is down, an outage when all are", () => {
    const other = { target: "203.0.113.7:25" };
    const sh = { location: "sh-1" };
    expect(serviceState([run(0, false), run(1, false), run(0, true, other), run(1, true, other)])).toBe("degraded");
    expect(serviceState([run(0, false), run(1, false), run(0, false, sh), run(1, false, sh)])).toBe("outage");
    expect(serviceState([run(0, false), run(1, false), run(1, false, sh)])).toBe("degraded");
  });
});

describe("overallState", () => {
  it("is the worst service's state: outage, then degraded, then no data, then operational", () => {
    expect(overallState(["operational", "operational"])).toBe("operational");
    expect(overallState(["operational", "unknown"])).toBe("unknown");
    expect(overallState(["unknown", "degraded", "operational"])).toBe("degraded");
    expect(overallState(["degraded", "outage", "unknown"])).toBe("outage");
    expect(overallState([])).toBe("unknown");
  });
});

describe("uptime", () => {
  it("is 1 − failed minutes / minutes measured, summed over targets and locations", () => {
    // 44 failed minutes of a fully measured day, and a second location with none.
    expect(uptime([{ samples: 1440, failedMinutes: 44, grainMinutes: 1440 }])).toEqual({ measuredMinutes: 1440, failedMinutes: 44, uptimePpm: 969444 });
    expect(uptime([{ samples: 1440, failedMinutes: 44, grainMinutes: 1440 }, { samples: 1440, failedMinutes: 0, grainMinutes: 1440 }]).uptimePpm).toBe(984722);
  });

  it("counts only the minutes measured: a day half measured with no failure is 100 %", () => {
    expect(uptime([{ samples: 720, failedMinutes: 0, grainMinutes: 1440 }])).toEqual({ measuredMinutes: 720, failedMinutes: 0, uptimePpm: 1_000_000 });
  });

  it("never counts more minutes than the window has (runs every 30 s make two samples a minute)", () => {
    expect(uptime([{ samples: 120, failedMinutes: 6, grainMinutes: 60 }])).toEqual({ measuredMinutes: 60, failedMinutes: 6, uptimePpm: 900_000 });
  });

  it("is no data (null) when nothing was measured, never 100 %", () => {
    expect(uptime([]).uptimePpm).toBeNull();
    expect(uptime([{ samples: 0, failedMinutes: 0, grainMinutes: 1440 }]).uptimePpm).toBeNull();
  });

  it("clamps impossible rows instead of going below 0 % or above 100 %", () => {
    expect(uptime([{ samples: 10, failedMinutes: 25, grainMinutes: 60 }])).toEqual({ measuredMinutes: 10, failedMinutes: 10, uptimePpm: 0 });
    expect(uptime([{ samples: -3, failedMinutes: -1, grainMinutes: 60 }]).uptimePpm).toBeNull();
  });

  it("rounds down, so one failed minute in a long stretch is not 100 %", () => {
    expect(uptime([{ samples: 1440 * 90, failedMinutes: 1, grainMinutes: 1440 * 90 }]).uptimePpm).toBe(999_992);
  });

  it("totals several days by their minutes, skipping days without data", () => {
    const days = [uptime([{ samples: 1440, failedMinutes: 144, grainMinutes: 1440 }]), uptime([]), uptime([{ samples: 360, failedMinutes: 0, grainMinutes: 60 * 24 }])];
    expect(totalUptime(days)).toEqual({ measuredMinutes: 1800, failedMinutes: 144, uptimePpm: 920_000 });
    expect(totalUptime([uptime([]), uptime([])]).uptimePpm).toBeNull();
  });
});

describe("barLevel and uptimeText", () => {
  it("colours by the contract's 99.9 % and by 99 %; no data is its own colour", () => {
    expect([1_000_000, 999_000, 998_999, 990_000, 989_999, 0].map(barLevel)).toEqual(["good", "good", "minor", "minor", "major", "major"]);
    expect(barLevel(null)).toBe("none");
  });

  it("writes two decimals, truncated: 99.999 % reads 99.99, never 100.00", () => {
    expect([1_000_000, 999_990, 999_500, 969_444, 5, 0].map(uptimeText)).toEqual(["100.00", "99.99", "99.95", "96.94", "0.00", "0.00"]);
  });
});
