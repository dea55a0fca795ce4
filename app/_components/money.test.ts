import { describe, expect, it } from "vitest";
import { formatMoney, parseYuanToFen } from "./money";

describe("formatMoney", () => {
  it("shows fen as yuan with two decimals in both languages", () => {
    expect(formatMoney(100000, "CNY", "zh-CN")).toBe("¥1,000.00");
    expect(formatMoney(8337, "CNY", "en")).toBe("¥83.37");
    expect(formatMoney(-500, "CNY", "zh-CN")).toBe("-¥5.00");
  });
});

describe("parseYuanToFen", () => {
  it.each([
    ["1000", 100000],
    ["1,000.5", 100050],
    ["¥83.37", 8337],
    ["0.01", 1],
  ])("reads %s as %d fen", (text, fen) => expect(parseYuanToFen(text)).toBe(fen));

  it.each(["", "-1", "1.234", "abc", "1e3"])("refuses %j", (text) => expect(parseYuanToFen(text)).toBeNull());
});
