import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { ZMailLogRequest } from "@/server/mail/log/mail-log-filters";
import { isDayDisabled, toMailLogSearch } from "./mail-log-values";

describe("toMailLogSearch", () => {
  it("drops empty fields and trims text", () => {
    expect(toMailLogSearch({ sender: "  ", subject: " 报告 ", type: "inbound", range: null })).toEqual({ subject: "报告", type: "inbound" });
  });

  it("turns picked days into the instants that start and end them, which the server accepts", () => {
    const search = toMailLogSearch({ range: [dayjs("2026-11-01T15:00:00"), dayjs("2026-11-30T09:00:00")] });
    expect(new Date(search.from!).getTime()).toBe(dayjs("2026-11-01T00:00:00").valueOf());
    expect(new Date(search.to!).getTime()).toBe(dayjs("2026-11-30T23:59:59.999").valueOf());
    // 30 whole days: the longest range the server allows.
    expect(ZMailLogRequest.safeParse(search).success).toBe(true);
  });
});

describe("isDayDisabled", () => {
  const today = dayjs("2026-11-26T10:00:00");
  it("offers today back to the retention edge, not the future nor older days", () => {
    expect(isDayDisabled(today, today, 30)).toBe(false);
    expect(isDayDisabled(today.subtract(30, "day"), today, 30)).toBe(false);
    expect(isDayDisabled(today.subtract(31, "day"), today, 30)).toBe(true);
    expect(isDayDisabled(today.add(1, "day"), today, 30)).toBe(true);
  });

  it("keeps a range within 30 whole days of the first day picked", () => {
    const first = today.subtract(30, "day");
    expect(isDayDisabled(first.add(29, "day"), today, 30, first)).toBe(false);
    expect(isDayDisabled(first.add(30, "day"), today, 30, first)).toBe(true);
  });
});
