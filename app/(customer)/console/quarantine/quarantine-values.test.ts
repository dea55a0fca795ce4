import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { toQuarantineSearch } from "./quarantine-values";

describe("toQuarantineSearch", () => {
  it("drops empty fields and shows held entries by default", () => {
    expect(toQuarantineSearch({ sender: "  ", recipient: "" })).toEqual({ state: "held" });
  });

  it("trims addresses and turns days into the instants that bound them", () => {
    const s = toQuarantineSearch({ state: "released", kind: "virus", sender: " bad.example ", range: [dayjs("2026-11-20T10:00:00"), dayjs("2026-11-21T10:00:00")] });
    expect(s).toMatchObject({ state: "released", kind: "virus", sender: "bad.example" });
    expect(new Date(s.from!).getTime()).toBe(dayjs("2026-11-20T00:00:00").valueOf());
    expect(new Date(s.to!).getTime()).toBe(dayjs("2026-11-21T23:59:59.999").valueOf());
  });
});
