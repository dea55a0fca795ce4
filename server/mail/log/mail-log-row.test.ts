import { describe, expect, it } from "vitest";
import { parseHistory, toMailLogRow } from "./mail-log-row";

describe("parseHistory", () => {
  it("reads the engine's steps, oldest first, as a JSON value or as text", () => {
    const steps = [{ status: "received", at: "2026-11-26T01:00:00.000Z" }, { status: "bounced", at: "2026-11-26T01:05:00.000Z", reason: "550 5.1.1 user unknown" }];
    const parsed = [
      { status: "received", at: new Date("2026-11-26T01:00:00.000Z"), reason: null },
      { status: "bounced", at: new Date("2026-11-26T01:05:00.000Z"), reason: "550 5.1.1 user unknown" },
    ];
    expect(parseHistory(steps)).toEqual(parsed);
    expect(parseHistory(JSON.stringify(steps))).toEqual(parsed);
  });

  it("shows what it can of a malformed history instead of failing the page", () => {
    expect(parseHistory("not json")).toEqual([]);
    expect(parseHistory({ status: "received" })).toEqual([]);
    expect(parseHistory([null, 3, { at: "x" }, { status: "queued", at: "yesterday", reason: "" }])).toEqual([{ status: "queued", at: null, reason: null }]);
  });
});

describe("toMailLogRow", () => {
  it("keys the row by its cursor position", () => {
    const receivedAt = new Date("2026-11-26T01:00:00.000Z");
    const row = toMailLogRow({ id: 7n, messageId: "M", receivedAt, direction: "inbound", subject: "s", sender: "a@b.cn", recipient: "c@d.cn", status: "delivered", reason: null, history: [] });
    expect(row.key).toBe(`${receivedAt.getTime()}_7`);
  });
});
