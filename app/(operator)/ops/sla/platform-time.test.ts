import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { platformIso, platformText, platformWall, spanText } from "./platform-time";

describe("platform time (Beijing, UTC+8)", () => {
  it("sends what the picker shows as Beijing time, whatever the browser's zone", () => {
    expect(platformIso(dayjs("2026-12-05 02:00"))).toBe("2026-12-05T02:00:00+08:00");
    expect(new Date(platformIso(dayjs("2026-12-05 02:00"))).toISOString()).toBe("2026-12-04T18:00:00.000Z");
  });

  it("shows an instant on Beijing's wall clock, and back again unchanged", () => {
    const instant = new Date("2026-12-04T18:30:00Z");
    expect(platformText(instant)).toBe("2026-12-05 02:30");
    expect(platformWall(instant).format("YYYY-MM-DD HH:mm")).toBe("2026-12-05 02:30");
    expect(new Date(platformIso(platformWall(instant))).getTime()).toBe(instant.getTime());
  });

  it("writes a span within a day once, across midnight in full, and an open end as told", () => {
    expect(spanText(new Date("2026-12-04T18:00:00Z"), new Date("2026-12-04T20:00:00Z"), "…")).toBe("2026-12-05 02:00–04:00");
    expect(spanText(new Date("2026-12-05T15:00:00Z"), new Date("2026-12-05T17:00:00Z"), "…")).toBe("2026-12-05 23:00 – 2026-12-06 01:00");
    expect(spanText(new Date("2026-12-04T18:00:00Z"), null, "ongoing")).toBe("2026-12-05 02:00 – ongoing");
  });
});
