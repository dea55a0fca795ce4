import { describe, expect, it } from "vitest";
import { cancellable, orderIncidents, orderWindows } from "./admin-order";

const at = (iso: string) => new Date(iso);
const now = at("2026-12-10T00:00:00Z");

describe("the operators' order", () => {
  it("lists windows not over yet soonest first, then past ones latest first", () => {
    const w = (id: string, start: string, end: string) => ({ id, startsAt: at(start), endsAt: at(end) });
    const rows = [
      w("old", "2026-11-01T00:00:00Z", "2026-11-01T02:00:00Z"),
      w("later", "2026-12-20T00:00:00Z", "2026-12-20T02:00:00Z"),
      w("running", "2026-12-09T23:00:00Z", "2026-12-10T01:00:00Z"),
      w("recent", "2026-12-05T00:00:00Z", "2026-12-05T02:00:00Z"),
      w("soon", "2026-12-11T00:00:00Z", "2026-12-11T02:00:00Z"),
    ];
    expect(orderWindows(rows, now).map((r) => r.id)).toEqual(["running", "soon", "later", "recent", "old"]);
  });

  it("lists open incidents first, latest start first within each group", () => {
    const i = (id: string, start: string, end: string | null) => ({ id, startsAt: at(start), endsAt: end ? at(end) : null });
    const rows = [
      i("closed-old", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z"),
      i("open-old", "2026-12-01T00:00:00Z", null),
      i("closed-new", "2026-12-09T00:00:00Z", "2026-12-09T01:00:00Z"),
      i("open-new", "2026-12-09T12:00:00Z", null),
    ];
    expect(orderIncidents(rows).map((r) => r.id)).toEqual(["open-new", "open-old", "closed-new", "closed-old"]);
  });

  it("offers to cancel only a scheduled window that has not begun", () => {
    expect(cancellable({ status: "scheduled", startsAt: at("2026-12-11T00:00:00Z") }, now)).toBe(true);
    expect(cancellable({ status: "scheduled", startsAt: now }, now)).toBe(false);
    expect(cancellable({ status: "cancelled", startsAt: at("2026-12-11T00:00:00Z") }, now)).toBe(false);
  });
});
