import { describe, expect, it } from "vitest";
import { checkOutsideAddress } from "./outside-address";

const problem = (raw: string) => {
  const c = checkOutsideAddress(raw);
  return c.ok ? null : c.message.en;
};

describe("checkOutsideAddress", () => {
  it("accepts ordinary and dot-atom addresses, lower-cased and trimmed", () => {
    expect(checkOutsideAddress("  Partner@Outside.Example ")).toEqual({ ok: true, value: "partner@outside.example" });
    expect(checkOutsideAddress("a.b+tag@mail.example.co.uk")).toEqual({ ok: true, value: "a.b+tag@mail.example.co.uk" });
    expect(checkOutsideAddress("o'brien@example.ie")).toEqual({ ok: true, value: "o'brien@example.ie" });
  });

  it("stores an internationalised domain in its ASCII form", () => {
    expect(checkOutsideAddress("li@例子.中国")).toEqual({ ok: true, value: "li@xn--fsqu00a.xn--fiqs8s" });
  });

  it("says what is wrong", () => {
    expect(problem("")).toMatch(/Enter an e-mail address/);
    expect(problem("zhang san@example.com")).toMatch(/spaces/);
    expect(problem("zhang.example.com")).toMatch(/single @/);
    expect(problem("a@b@example.com")).toMatch(/single @/);
    expect(problem("@example.com")).toMatch(/before @/);
    expect(problem(".zhang@example.com")).toMatch(/not allowed/);
    expect(problem("zh..ang@example.com")).toMatch(/not allowed/);
    expect(problem("zhang(x)@example.com")).toMatch(/not allowed/);
    expect(problem(`${"a".repeat(65)}@example.com`)).toMatch(/At most 64/);
    for (const domain of ["", "localhost", "example..com", "-x.com", "x_y.com", "1.2.3.4", "exa mple.com"]) {
      expect(problem(`zhang@${domain}`)).toMatch(domain.includes(" ") ? /spaces/ : /not a valid domain/);
    }
  });

  it("refuses an address longer than 254 characters", () => {
    const domain = `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.${"g".repeat(60)}.com`; // 247
    expect(problem(`abcdefg@${domain}`)).toMatch(/at most 254 characters \(this has 255\)/);
    expect(checkOutsideAddress(`abcdef@${domain}`).ok).toBe(true);
  });

  it("has Chinese for every refusal", () => {
    for (const raw of ["", "a b@c.com", "abc", "@c.com", ".a@c.com", "a@c"]) {
      const c = checkOutsideAddress(raw);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
