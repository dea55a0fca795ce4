import { describe, expect, it } from "vitest";
import { previewOf, PREVIEW_MAX_TEXT } from "./message-preview";

const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n"));

describe("previewOf", () => {
  it("reads the headers and the text of a plain message", async () => {
    const p = await previewOf(
      crlf([
        "Received: from x by mx.mailstead.test; Thu, 26 Nov 2026 08:00:00 +0000",
        "From: =?UTF-8?B?5byg5LiJ?= <zhang@outside.example>",
        "To: li@corp.example, wang@corp.example",
        "Subject: =?UTF-8?B?5Lit5aWW6YCa55+l?=",
        "Date: Thu, 26 Nov 2026 08:00:00 +0000",
        "Message-ID: <abc@outside.example>",
        "",
        "恭喜您中奖了",
        "",
      ]),
    );
    expect(p.from).toBe('"张三" <zhang@outside.example>');
    expect(p.to).toBe("li@corp.example, wang@corp.example");
    expect(p.subject).toBe("中奖通知");
    expect(p.date?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(p.messageId).toBe("<abc@outside.example>");
    expect(p.headers[0]).toMatch(/^Received: from x/);
    expect(p.text.trim()).toBe("恭喜您中奖了");
    expect(p.truncated).toBe(false);
  });

  it("turns an HTML-only body into text and never returns the markup", async () => {
    const p = await previewOf(
      crlf([
        "From: a@outside.example",
        "Subject: html",
        "Content-Type: text/html; charset=utf-8",
        "",
        '<html><body><p>Hello <b>there</b></p><script>alert("x")</script><img src="http://tracker.example/p.gif" onerror="alert(1)"></body></html>',
        "",
      ]),
    );
    expect(p.text).toContain("Hello");
    expect(p.text).not.toMatch(/<\/?(p|b|script|img)\b/);
    expect(p.text).not.toContain("onerror");
  });

  it("lists attachments by name, type and size without their content", async () => {
    const p = await previewOf(
      crlf([
        "From: a@outside.example",
        "Subject: invoice",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "see attached",
        "--b1",
        'Content-Type: application/octet-stream; name="invoice.exe"',
        'Content-Disposition: attachment; filename="invoice.exe"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("MZ fake executable").toString("base64"),
        "--b1--",
        "",
      ]),
    );
    expect(p.text.trim()).toBe("see attached");
    expect(p.attachments).toEqual([{ filename: "invoice.exe", contentType: "application/octet-stream", size: 18 }]);
    expect(JSON.stringify(p)).not.toContain("fake executable");
  });

  it("caps a long text and says so", async () => {
    const p = await previewOf(crlf(["From: a@outside.example", "Subject: long", "", "x".repeat(PREVIEW_MAX_TEXT + 500), ""]));
    expect(p.text).toHaveLength(PREVIEW_MAX_TEXT);
    expect(p.truncated).toBe(true);
  });

  it("previews a broken MIME structure rather than failing", async () => {
    const p = await previewOf(crlf(["From: a@outside.example", "Subject: broken", 'Content-Type: multipart/mixed; boundary="never"', "", "text without any boundary", ""]));
    expect(p.subject).toBe("broken");
    expect(p.date).toBeNull();
  });
});
