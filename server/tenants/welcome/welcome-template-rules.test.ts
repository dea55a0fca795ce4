import { describe, expect, it } from "vitest";
import { platformDnsSettingsFrom } from "@/server/domains/rules/platform-settings";
import { letterValues } from "./letter-values";
import { BODY_MAX_BYTES, DEFAULT_TEMPLATES, PLACEHOLDERS, plainValue, renderLetter, renderText, templateProblems, unknownPlaceholders } from "./welcome-template-rules";

const settings = platformDnsSettingsFrom({ PLATFORM_DOMAIN: "mailstead.net", MX_HOSTS: undefined, DMARC_REPORT_ADDRESS: undefined });
const values = letterValues({ displayName: "王芳", address: "wang.fang@xinghe.cn" }, "星河贸易", settings, "https://portal.mailstead.net");

describe("letterValues", () => {
  it("derives the client hosts from the platform settings", () => {
    expect(values).toEqual({
      displayName: "王芳",
      address: "wang.fang@xinghe.cn",
      company: "星河贸易",
      webmailUrl: "https://webmail.mailstead.net",
      selfServiceUrl: "https://portal.mailstead.net/signin?as=mailbox",
      pop3Host: "pop.mailstead.net",
      imapHost: "imap.mailstead.net",
      smtpHost: "smtp.mailstead.net",
    });
  });
});

describe("renderText", () => {
  it("fills every placeholder, with or without spaces inside the braces", () => {
    expect(renderText("{{displayName}} <{{ address }}> @ {{company}}", values)).toBe("王芳 <wang.fang@xinghe.cn> @ 星河贸易");
  });

  it("leaves unknown placeholders and lone braces as written", () => {
    expect(renderText("{{password}} {{ {x} }} {single}", values)).toBe("{{password}} {{ {x} }} {single}");
  });

  it("does not re-render a value that looks like a placeholder", () => {
    expect(renderText("{{displayName}}", { ...values, displayName: "{{address}}" })).toBe("{{address}}");
  });

  it("turns line breaks and control characters of values into spaces", () => {
    expect(plainValue("Evil\r\nBcc: x@y.z\u0007")).toBe("Evil Bcc: x@y.z");
    expect(renderLetter({ subject: "Hi {{displayName}}", body: "{{displayName}}\nline 2" }, { ...values, displayName: "A\nB" })).toEqual({
      subject: "Hi A B",
      text: "A B\nline 2",
    });
  });
});

describe("unknownPlaceholders", () => {
  it("names each unknown placeholder once, in order", () => {
    expect(unknownPlaceholders("{{name}} {{address}} {{ password }} {{name}} {{}}")).toEqual(["name", "password", ""]);
  });
});

describe("templateProblems", () => {
  it("accepts both default templates, which use every placeholder", () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      expect(templateProblems(t.subject, t.body)).toEqual({});
      for (const p of PLACEHOLDERS) expect(t.subject + t.body).toContain(`{{${p}}}`);
    }
  });

  it("refuses unknown placeholders, naming them, on the field that has them", () => {
    const p = templateProblems("Hi {{name}}", "Your password: {{password}} {{address}}");
    expect(p.subject?.[0]?.en).toMatch(/^Unknown placeholder \{\{name\}\}; use one of: displayName, address/);
    expect(p.body?.[0]?.en).toMatch(/^Unknown placeholder \{\{password\}\};/);
    expect(p.body?.[0]?.["zh-CN"]).toMatch(/^未知的占位符 \{\{password\}\}/);
  });

  it("refuses an empty subject or body, a subject over 200 characters or with a line break", () => {
    expect(Object.keys(templateProblems(" ", ""))).toEqual(["subject", "body"]);
    expect(templateProblems("字".repeat(200), "x")).toEqual({});
    expect(templateProblems("字".repeat(201), "x").subject?.[0]?.en).toBe("At most 200 characters");
    expect(templateProblems("a\nb", "x").subject?.[0]?.en).toBe("The subject is one line");
  });

  it("limits the body to 20 KB of UTF-8", () => {
    expect(templateProblems("s", "x".repeat(BODY_MAX_BYTES))).toEqual({});
    expect(templateProblems("s", "x".repeat(BODY_MAX_BYTES + 1)).body?.[0]?.en).toBe("At most 20 KB (this is 20.0 KB)");
    expect(templateProblems("s", "字".repeat(7000)).body?.[0]?.en).toBe("At most 20 KB (this is 20.5 KB)");
  });
});
