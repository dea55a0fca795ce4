import { describe, expect, it } from "vitest";
import { columnOf, mapHeader, TEMPLATE_HEADER } from "./import-columns";

describe("columnOf", () => {
  it.each([
    ["邮箱地址/address", "address"],
    ["邮箱地址", "address"],
    ["Address", "address"],
    [" E-mail ", "address"],
    ["\uFEFF邮箱地址", "address"],
    ["姓名/display name", "displayName"],
    ["Display Name", "displayName"],
    ["部门/department", "department"],
    ["容量(MB)/quota", "quotaMb"],
    ["容量（MB）", "quotaMb"],
    ["Quota (MB)", "quotaMb"],
    ["手机/mobile", "mobile"],
    ["初始密码/password", "password"],
  ])("reads %j as %s", (cell, column) => {
    expect(columnOf(cell)).toBe(column);
  });

  it.each(["姓名/address", "邮箱地址/unknown", "备注", ""])("refuses %j", (cell) => {
    expect(columnOf(cell)).toBeNull();
  });
});

describe("mapHeader", () => {
  it("maps the template's header in order", () => {
    expect(mapHeader(TEMPLATE_HEADER)).toEqual({ ok: true, columns: { address: 0, displayName: 1, department: 2, quotaMb: 3, mobile: 4, password: 5 }, width: 6 });
  });

  it("accepts any order and ignores the export's own columns and empty cells", () => {
    expect(mapHeader(["mobile", "", "address", "别名/aliases", "状态/status"])).toEqual({ ok: true, columns: { mobile: 0, address: 2 }, width: 5 });
  });

  it("says which required column is missing", () => {
    const r = mapHeader(["姓名", "部门"]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.en).toContain("Required column missing: 邮箱地址/address");
      expect(r.problems[0]!["zh-CN"]).toContain("缺少必填列");
    }
  });

  it("names unknown and repeated columns", () => {
    const r = mapHeader(["address", "备注", "email"]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const en = r.problems.map((p) => p.en).join(" | ");
      expect(en).toContain('Unknown columns: "备注"');
      expect(en).toContain("appears twice (columns 1 and 3)");
    }
  });
});
