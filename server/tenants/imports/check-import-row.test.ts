import { describe, expect, it } from "vitest";
import { checkImportRow, splitDepartmentPath, type RowContext } from "./check-import-row";
import { mapHeader, TEMPLATE_HEADER, type ImportHeader } from "./import-columns";

const header = mapHeader(TEMPLATE_HEADER) as ImportHeader;
const ctx: RowContext = {
  planQuotaMb: 2048,
  domains: [
    { id: "d1", name: "example.com", unicodeName: "example.com", aliasOf: null },
    { id: "d2", name: "xn--fiqs8s.com", unicodeName: "中国.com", aliasOf: null },
    { id: "d3", name: "alias.com", unicodeName: "alias.com", aliasOf: "example.com" },
  ],
};
const check = (cells: string[]) => checkImportRow(7, cells, header, ctx);
const messages = (cells: string[]) => {
  const r = check(cells);
  return r.ok ? [] : r.problems.map((p) => `${p.column}: ${p.message.en}`);
};

describe("checkImportRow", () => {
  it("normalises a full row", () => {
    expect(check([" Zhang.San@Example.com ", "张三", "销售部 / 华东区", "1024", "+86 138-0013-8000", "Welcome#2026"])).toEqual({
      ok: true,
      value: { row: 7, address: "zhang.san@example.com", localPart: "zhang.san", domainId: "d1", displayName: "张三", departmentPath: ["销售部", "华东区"], quotaMb: 1024, mobile: "+8613800138000", password: "Welcome#2026" },
    });
  });

  it("fills the defaults: display name = local part, quota = the plan's, no department, no password", () => {
    expect(check(["li.si@example.com"])).toMatchObject({ ok: true, value: { displayName: "li.si", quotaMb: 2048, departmentPath: [], mobile: null, password: null } });
  });

  it("accepts a domain written in Unicode and stores its ASCII form", () => {
    expect(check(["wang@中国.com"])).toMatchObject({ ok: true, value: { address: "wang@xn--fiqs8s.com", domainId: "d2" } });
  });

  it.each([
    [["", "x"], "address: Enter the mailbox address"],
    [["zhangsan"], "address: \"zhangsan\" is not an address"],
    [["a@other.com"], "address: other.com is not one of your domains"],
    [["a@alias.com"], "address: alias.com is an alias domain of example.com"],
    [["postmaster@example.com"], 'address: "postmaster" is reserved'],
    [["zhang san@example.com"], "address: Use only letters"],
    [["a@example.com", "x".repeat(81)], "displayName: At most 80 characters"],
    [["a@example.com", "", "a/b/c/d/e/f/g/h/i/j/k"], "department: At most 10 department levels"],
    [["a@example.com", "", "", "4096"], "quotaMb: Quota 4096 MB is more than your plan allows (2048 MB)"],
    [["a@example.com", "", "", "1.5G"], "quotaMb: Quota must be a whole number"],
    [["a@example.com", "", "", "0"], "quotaMb: Quota must be at least 1 MB"],
    [["a@example.com", "", "", "", "12345"], "mobile: Enter an 11-digit mobile number"],
    [["a@example.com", "", "", "", "138abc"], "mobile: Enter an 11-digit mobile number"],
    [["a@example.com", "", "", "", "", "short"], "password: Length: use at least 8 characters"],
    [["a@example.com", "", "", "", "", "Spring#456"], 'password: Digits: no three consecutive digits such as "123" or "987"'],
    [["zhang.san@example.com", "", "", "", "", "Zhang.San#26"], "password: Account name: must not contain the account name"],
    [["a@example.com", "", "", "", "", "", "extra"], "null: This row has 7 cells but the header has 6 columns"],
  ])("refuses %j", (cells, message) => {
    expect(messages(cells).join(" | ")).toContain(message);
  });

  it("checks the password with the tenant's policy when it has one", () => {
    const long = "Spring#26-abcdefghij";
    expect(messages(["a@example.com", "", "", "", "", long])).toEqual(["password: Length: use at most 16 characters"]);
    const own = { ...ctx, passwordPolicy: { passwordMinLength: 12, passwordMaxLength: 64, passwordMinClasses: 3, passwordHistory: 5 } };
    expect(checkImportRow(7, ["a@example.com", "", "", "", "", long], header, own).ok).toBe(true);
    const short = checkImportRow(7, ["a@example.com", "", "", "", "", "Spring#26"], header, own);
    expect(short.ok ? [] : short.problems.map((p) => p.message.en)).toEqual(["Length: use at least 12 characters"]);
  });

  it("reports every bad cell of a row, each on its column", () => {
    expect(messages(["bad@other.com", "", "", "99999", "x"]).map((m) => m.split(":")[0])).toEqual(["address", "quotaMb", "mobile"]);
  });
});

describe("splitDepartmentPath", () => {
  it("splits on / ／ and \\, trimming and dropping empty levels", () => {
    expect(splitDepartmentPath(" 销售部／华东区\\上海 / ")).toEqual(["销售部", "华东区", "上海"]);
    expect(splitDepartmentPath("")).toEqual([]);
  });
});
