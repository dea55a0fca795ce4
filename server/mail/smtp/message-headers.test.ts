import { describe, expect, it } from "vitest";
import { readMessageHeaders, SUBJECT_MAX_CHARS } from "./message-headers";

const msg = (head: string, body = "body\r\n") => Buffer.from(`${head}\r\n\r\n${body}`, "latin1");

describe("readMessageHeaders", () => {
  it("reads Subject and Message-ID", () => {
    expect(readMessageHeaders(msg("From: a@b.test\r\nSubject: Hello\r\nMessage-ID: <abc.1@client.test>"))).toEqual({ subject: "Hello", headerMessageId: "abc.1@client.test" });
  });

  it("unfolds a folded encoded Subject", () => {
    expect(readMessageHeaders(msg("Subject: =?UTF-8?B?5rWL6K+V?=\r\n =?UTF-8?B?6YKu5Lu2?=")).subject).toBe("测试邮件");
  });

  it("decodes raw 8-bit UTF-8 and GBK headers", () => {
    const utf8 = Buffer.concat([Buffer.from("Subject: "), Buffer.from("会议通知", "utf8"), Buffer.from("\r\n\r\nx")]);
    expect(readMessageHeaders(utf8).subject).toBe("会议通知");
    const gbk = Buffer.concat([Buffer.from("Subject: "), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from("\r\n\r\nx")]);
    expect(readMessageHeaders(gbk).subject).toBe("你好");
  });

  it("handles missing headers, bare LF and a header in the body", () => {
    expect(readMessageHeaders(Buffer.from("From: a@b.test\n\nSubject: not a header\n"))).toEqual({ subject: "", headerMessageId: null });
  });

  it("cuts the Subject to 255 characters and a 1 MB header line costs nothing", () => {
    const long = readMessageHeaders(msg(`Subject: ${"x".repeat(1024 * 1024)}`));
    expect(long.subject).toHaveLength(SUBJECT_MAX_CHARS);
  });

  it("takes the first Subject only and strips control characters", () => {
    expect(readMessageHeaders(msg("Subject: one\x07two\r\nSubject: second")).subject).toBe("one two");
  });
});
