import { describe, expect, it } from "vitest";
import { sendCountDay } from "./send-day";

describe("sendCountDay", () => {
  it("counts Shanghai's calendar day: it starts at 16:00 UTC the day before", () => {
    expect(sendCountDay(new Date("2026-11-26T15:59:59.999Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(sendCountDay(new Date("2026-11-26T16:00:00.000Z"), "Asia/Shanghai")).toBe("2026-11-27");
    expect(sendCountDay(new Date("2026-11-27T00:00:00.000Z"), "Asia/Shanghai")).toBe("2026-11-27");
  });

  it("rolls months and years over at Shanghai's midnight", () => {
    expect(sendCountDay(new Date("2026-12-31T15:59:59Z"), "Asia/Shanghai")).toBe("2026-12-31");
    expect(sendCountDay(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe("2027-01-01");
    expect(sendCountDay(new Date("2028-02-28T16:00:00Z"), "Asia/Shanghai")).toBe("2028-02-29");
  });

  it("uses the tenant's own zone", () => {
    const instant = new Date("2026-11-26T20:00:00Z");
    expect(sendCountDay(instant, "UTC")).toBe("2026-11-26");
    expect(sendCountDay(instant, "Asia/Shanghai")).toBe("2026-11-27");
    expect(sendCountDay(instant, "America/Los_Angeles")).toBe("2026-11-26");
  });

  it("falls back to Asia/Shanghai for a zone Intl does not know instead of failing the send", () => {
    expect(sendCountDay(new Date("2026-11-26T16:00:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-27");
  });
});
