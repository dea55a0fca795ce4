import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/server/trpc/init";
import { DomainError } from "@/server/shared/errors";
import { checkMailLogRequest, effectiveRange, ZMailLogRequest } from "./mail-log-filters";

const errorsOf = (input: unknown) => {
  const r = ZMailLogRequest.safeParse(input);
  if (r.success) throw new Error("expected the request to be refused");
  return fieldErrorsOf(r.error);
};

describe("ZMailLogRequest", () => {
  it("accepts no filters, and reads cleared fields as no filter", () => {
    expect(ZMailLogRequest.parse({})).toEqual({ direction: undefined });
    expect(ZMailLogRequest.parse({ sender: " ", subject: "", cursor: "" })).toEqual({ sender: undefined, subject: undefined, cursor: undefined, direction: undefined });
  });

  it("trims text, and reads `type` as the direction (ignoring tRPC's own paging `direction`)", () => {
    expect(ZMailLogRequest.parse({ sender: " Zhang@Example.cn ", subject: " 报告 ", type: "inbound", direction: "forward" })).toEqual({
      sender: "Zhang@Example.cn",
      subject: "报告",
      direction: "inbound",
    });
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["an over-long address", { recipient: `${"a".repeat(250)}@b.cn` }, { recipient: ["at most 254 characters"] }],
    ["an over-long subject", { subject: "长".repeat(256) }, { subject: ["at most 255 characters"] }],
    ["an unknown status", { status: "lost" }, { status: ["expected one of received, queued, delivered, relayed, deferred, bounced, quarantined"] }],
    ["an unknown type", { type: "sideways" }, { type: ["expected outbound or inbound"] }],
    ["a date that is not ISO", { from: "26/11/2026" }, { from: ["expected an ISO 8601 date-time such as 2026-01-31T16:00:00Z"] }],
    ["a date without its zone", { to: "2026-11-26T10:00:00" }, { to: ["expected an ISO 8601 date-time such as 2026-01-31T16:00:00Z"] }],
    ["an over-long cursor", { cursor: "1".repeat(41) }, { cursor: ["at most 40 characters"] }],
    ["a number for text", { subject: 5 }, { subject: ["expected text"] }],
  ])("refuses %s with a message on its field", (_name, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });
});

describe("checkMailLogRequest", () => {
  const check = (input: Record<string, unknown>) => checkMailLogRequest(ZMailLogRequest.parse(input));
  const refusal = (input: Record<string, unknown>) => {
    try {
      check(input);
    } catch (e) {
      if (e instanceof DomainError) return { code: e.code, en: e.fieldErrorsIn("en"), zh: e.fieldErrorsIn("zh-CN") };
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("decodes the cursor", () => {
    expect(check({ sender: "zhang@example.cn", cursor: "1764158400000_42" })).toEqual({
      sender: "zhang@example.cn",
      cursor: { receivedAt: new Date(1764158400000), id: 42n },
      direction: undefined,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>, Record<string, string[]>]>([
    [
      "a partial address",
      { sender: "zhang", recipient: "@example.cn" },
      {
        sender: ["enter a whole address such as zhang@example.com (the search matches the address exactly)"],
        recipient: ["enter a whole address such as zhang@example.com (the search matches the address exactly)"],
      },
      { sender: ["请输入完整地址，如 zhang@example.com（按完整地址精确匹配）"], recipient: ["请输入完整地址，如 zhang@example.com（按完整地址精确匹配）"] },
    ],
    ["an end before the start", { from: "2026-11-20T00:00:00Z", to: "2026-11-19T23:59:59Z" }, { to: ["the end of the date range is before its start"] }, { to: ["结束日期早于开始日期"] }],
    ["a range over 30 days", { from: "2026-10-01T00:00:00Z", to: "2026-10-31T00:00:00.001Z" }, { to: ["the date range may cover at most 30 days"] }, { to: ["日期范围最长 30 天"] }],
    ["a forged cursor", { cursor: "1764158400000;DROP" }, { cursor: ["not a cursor this search returned; start again from the first page"] }, { cursor: ["分页位置无效，请从第一页重新搜索"] }],
  ])("refuses %s as bad input, in both languages", (_name, input, en, zh) => {
    expect(refusal(input)).toEqual({ code: "BAD_INPUT", en, zh });
  });

  it("allows a range of exactly 30 days (30 whole days picked in the browser)", () => {
    expect(() => check({ from: "2026-10-01T00:00:00+08:00", to: "2026-10-30T23:59:59.999+08:00" })).not.toThrow();
  });
});

describe("effectiveRange", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const edge = new Date("2026-10-27T12:00:00Z");

  it("defaults to the last retention period, open-ended", () => {
    expect(effectiveRange({}, now, 30)).toEqual({ from: edge, to: null });
  });

  it("keeps a start inside the period and clamps an older one to its edge", () => {
    expect(effectiveRange({ from: "2026-11-01T00:00:00Z" }, now, 30)).toEqual({ from: new Date("2026-11-01T00:00:00Z"), to: null });
    expect(effectiveRange({ from: "2026-10-20T00:00:00Z", to: "2026-11-01T00:00:00Z" }, now, 30)).toEqual({ from: edge, to: new Date("2026-11-01T00:00:00Z") });
  });

  it("is empty when the whole range lies before the edge", () => {
    expect(effectiveRange({ from: "2026-10-01T00:00:00Z", to: "2026-10-20T00:00:00Z" }, now, 30)).toBeNull();
  });

  it("follows the configured retention", () => {
    expect(effectiveRange({}, now, 7)?.from).toEqual(new Date("2026-11-19T12:00:00Z"));
  });
});
