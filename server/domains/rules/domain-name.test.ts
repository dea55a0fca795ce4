import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/shared/errors";
import { normaliseDomainName } from "./domain-name";

function refusal(input: string): { code: string; message: string; zhCN: string; fieldErrors: unknown } {
  try {
    normaliseDomainName(input);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message, zhCN: e.messageIn("zh-CN"), fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error(`${input} was accepted`);
}

const label = (n: number) => "a".repeat(n);

describe("normaliseDomainName accepts", () => {
  it.each([
    ["example.com", "example.com", "example.com"],
    ["  Example.COM  ", "example.com", "example.com"],
    ["example.com.", "example.com", "example.com"],
    ["mail.example.com", "mail.example.com", "mail.example.com"],
    ["例子.中国", "xn--fsqu00a.xn--fiqs8s", "例子.中国"],
    ["例子。中国", "xn--fsqu00a.xn--fiqs8s", "例子.中国"],
    ["xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s", "例子.中国"],
    ["Bücher.DE", "xn--bcher-kva.de", "bücher.de"],
    ["example.com.cn", "example.com.cn", "example.com.cn"],
    ["a-b.co.uk", "a-b.co.uk", "a-b.co.uk"],
    ["me.github.io", "me.github.io", "me.github.io"],
  ])("%s → %s (%s)", (input, ascii, unicode) => {
    expect(normaliseDomainName(input)).toEqual({ ascii, unicode });
  });

  it("a 63-character label and a 253-character name", () => {
    expect(normaliseDomainName(`${label(63)}.com`).ascii).toBe(`${label(63)}.com`);
    const name = [label(63), label(63), label(63), label(57), "com"].join(".");
    expect(name).toHaveLength(253);
    expect(normaliseDomainName(name).ascii).toBe(name);
  });
});

describe("normaliseDomainName refuses, with field name", () => {
  it.each([
    ["", "Enter a domain name, e.g. example.com"],
    ["   ", "Enter a domain name, e.g. example.com"],
    ["exa mple.com", "A domain name cannot contain spaces"],
    ["example.com ", null], // trailing space is trimmed: accepted (checked below)
    ["a..b.com", "The name has an empty label: two dots in a row, or a dot at the start"],
    [".example.com", "The name has an empty label: two dots in a row, or a dot at the start"],
    ["example.com..", "The name has an empty label: two dots in a row, or a dot at the start"],
    ["my_domain.com", "A domain name cannot contain underscores (_): use letters, digits and hyphens"],
    ["_dmarc.example.com", "A domain name cannot contain underscores (_): use letters, digits and hyphens"],
    [`${label(64)}.com`, `The label "${label(20)}…" is 64 characters long: each part between dots may have at most 63`],
    ["-example.com", 'The label "-example" must not start or end with a hyphen'],
    ["example-.com", 'The label "example-" must not start or end with a hyphen'],
    ["exa$mple.com", null],
    ["example", "Enter the whole domain name with its ending, e.g. example.com"],
    ["192.168.1.1", "An IP address is not a domain name: enter a name such as example.com"],
    ["[::1]", "An IP address is not a domain name: enter a name such as example.com"],
    ["1.2.3", "An IP address is not a domain name: enter a name such as example.com"],
    ["com.cn", "com.cn is a public suffix that anyone can register under, not a domain of its own: enter your domain, e.g. example.com.cn"],
    ["co.uk", "co.uk is a public suffix that anyone can register under, not a domain of its own: enter your domain, e.g. example.co.uk"],
    ["com", "Enter the whole domain name with its ending, e.g. example.com"],
    ["github.io", "github.io is a public suffix that anyone can register under, not a domain of its own: enter your domain, e.g. example.github.io"],
    ["example.notatld", '".notatld" is not a known top-level domain'],
    ["example.local", '".local" is not a known top-level domain'],
    ["xn--a.com", "This is not a valid domain name: check for stray symbols or a misspelt international name"],
    ["user@example.com", "Enter the domain only, without a mailbox name or @"],
  ])("%j", (input, message) => {
    if (input === "example.com ") return expect(normaliseDomainName(input).ascii).toBe("example.com");
    const r = refusal(input);
    expect(r.code).toBe("BAD_INPUT");
    if (message) expect(r.message).toBe(message);
    expect(r.fieldErrors).toEqual({ name: [r.message] });
    expect(r.zhCN, "every refusal has its Chinese wording").toMatch(/[\u4e00-\u9fff]/);
  });

  it("a 254-character name, saying its length", () => {
    const name = [label(63), label(63), label(63), label(58), "com"].join(".");
    expect(name).toHaveLength(254);
    expect(refusal(name).message).toBe("The name is 254 characters long: a domain name may have at most 253");
  });

  it("an internationalised name whose ASCII form is too long", () => {
    const name = `${"例".repeat(60)}.中国`;
    expect(refusal(name).message).toMatch(/^The label "xn--.*" is \d+ characters long/);
  });
});
