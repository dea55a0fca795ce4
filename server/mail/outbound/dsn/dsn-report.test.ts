import { simpleParser as parse, type AddressObject } from "mailparser";
import { describe, expect, it } from "vitest";
import { ulidTime } from "@/server/mail/ulid";
import { dsnMessageId } from "./dsn-id";
import { asciiLine, buildDsn, type DsnBuildInput } from "./dsn-report";
import { headerBlock, HEADER_BYTES } from "./original-headers";
import { ZSendDsnInput } from "./send-dsn.types";

const HEADERS = Buffer.from(
  "Received: from client.example ([192.0.2.1]) by mx.mailstead.test with ESMTPSA id 01JDQ1AAAAAAAAAAAAAAAAAAAA;\r\n\tThu, 26 Nov 2026 10:00:00 +0000\r\nFrom: Zhang San <zhang@example.com>\r\nTo: bob@remote.example, carol@remote.example\r\nSubject: Quarterly report\r\nMessage-ID: <r1@example.com>\r\n",
);

const input = (over: Partial<DsnBuildInput> = {}): DsnBuildInput => ({
  id: "01JDQ1AAAAAAAAAAAAAAAAAAAB",
  hostname: "mx.mailstead.test",
  date: new Date("2026-11-26T14:00:00Z"),
  kind: "failed",
  original: {
    queueId: "01JDQ1AAAAAAAAAAAAAAAAAAAA",
    mailFrom: "zhang@example.com",
    subject: "Quarterly report",
    headerMessageId: "r1@example.com",
    receivedAt: new Date("2026-11-26T10:00:00Z"),
    headers: HEADERS,
  },
  recipients: [
    { recipient: "bob@remote.example", status: "5.1.1", remoteMta: "mx.remote.example", diagnostic: "550 5.1.1 <bob@remote.example>: User unknown", lastAttemptAt: new Date("2026-11-26T10:00:05Z") },
    { recipient: "carol@remote.example", status: "5.4.4", remoteMta: null, diagnostic: "no MX or A record for remote.example", lastAttemptAt: new Date("2026-11-26T10:00:06Z") },
  ],
  ...over,
});

const field = (block: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(block)?.[1];

// mailparser folds message/delivery-status into the text unless told to keep it as a part.
const simpleParser = (bytes: Buffer) => parse(bytes, { keepDeliveryStatus: true } as Parameters<typeof parse>[1]);

describe("buildDsn", () => {
  it("makes a multipart/report with the text, the delivery-status fields and the original header", async () => {
    const built = buildDsn(input());
    expect(built.headerMessageId).toBe("dsn.01JDQ1AAAAAAAAAAAAAAAAAAAB@mx.mailstead.test");
    const mail = await simpleParser(built.bytes);
    expect((mail.from as AddressObject).value).toEqual([{ address: "MAILER-DAEMON@mx.mailstead.test", name: "Mail Delivery System" }]);
    expect((mail.to as AddressObject).value[0]!.address).toBe("zhang@example.com");
    expect(mail.subject).toBe("Undelivered Mail Returned to Sender / 退信通知");
    expect(built.subject).toBe(mail.subject);
    expect(mail.messageId).toBe(`<${built.headerMessageId}>`);
    expect(mail.inReplyTo).toBe("<r1@example.com>");
    expect(mail.date?.toISOString()).toBe("2026-11-26T14:00:00.000Z");
    expect(mail.headers.get("auto-submitted")).toBe("auto-replied");
    const type = mail.headers.get("content-type") as { value: string; params: Record<string, string> };
    expect(type.value).toBe("multipart/report");
    expect(type.params["report-type"]).toBe("delivery-status");

    expect(mail.text).toContain("could not be delivered");
    expect(mail.text).toContain("<bob@remote.example>: the server mx.remote.example said:\n    550 5.1.1 <bob@remote.example>: User unknown");
    expect(mail.text).toContain("<carol@remote.example>: no MX or A record for remote.example");
    expect(mail.text).toContain("您的邮件无法投递给以下收件人");
    expect(mail.text).toContain("邮件主题：Quarterly report");

    const [status, headers, ...more] = mail.attachments;
    expect(more).toHaveLength(0);
    expect(status!.contentType).toBe("message/delivery-status");
    const [perMessage, bob, carol] = status!.content.toString().split(/\r\n\r\n/);
    expect(perMessage).toBe("Reporting-MTA: dns; mx.mailstead.test\r\nX-Mailstead-Queue-ID: 01JDQ1AAAAAAAAAAAAAAAAAAAA\r\nArrival-Date: Thu, 26 Nov 2026 10:00:00 +0000");
    expect(bob).toBe(
      [
        "Final-Recipient: rfc822; bob@remote.example",
        "Action: failed",
        "Status: 5.1.1",
        "Remote-MTA: dns; mx.remote.example",
        "Diagnostic-Code: smtp; 550 5.1.1 <bob@remote.example>: User unknown",
        "Last-Attempt-Date: Thu, 26 Nov 2026 10:00:05 +0000",
      ].join("\r\n"),
    );
    expect(field(carol!, "Remote-MTA")).toBeUndefined();
    expect(field(carol!, "Diagnostic-Code")).toBe("X-Mailstead; no MX or A record for remote.example");
    expect(field(carol!, "Will-Retry-Until")).toBeUndefined();
    expect(headers!.contentType).toBe("text/rfc822-headers");
    expect(headers!.content.toString()).toBe(HEADERS.toString());
  });

  it("says until when a delayed message is retried, in both languages and as Will-Retry-Until", async () => {
    const until = new Date("2026-12-01T10:00:00Z");
    const built = buildDsn(input({ kind: "delayed", recipients: [{ recipient: "bob@remote.example", status: "4.4.1", remoteMta: null, diagnostic: "connection refused", lastAttemptAt: new Date("2026-11-26T14:00:00Z"), willRetryUntil: until }] }));
    const mail = await simpleParser(built.bytes);
    expect(mail.subject).toBe("Delayed Mail (still being retried) / 延迟投递通知");
    expect(mail.text).toContain("will keep trying until Tue, 1 Dec 2026 10:00:00 +0000 (UTC)");
    expect(mail.text).toContain("系统将继续尝试投递，直到 Tue, 1 Dec 2026 10:00:00 +0000（UTC）");
    const report = mail.attachments[0]!.content.toString();
    expect(field(report, "Action")).toBe("delayed");
    expect(field(report, "Status")).toBe("4.4.1");
    expect(field(report, "Will-Retry-Until")).toBe("Tue, 1 Dec 2026 10:00:00 +0000");
  });

  it("keeps 8-bit header bytes intact (base64), cleans diagnostics for the 7-bit report, and keeps the boundary out of the parts", async () => {
    const id = "01JDQ1AAAAAAAAAAAAAAAAAAAB";
    const eightBit = Buffer.concat([Buffer.from("Subject: "), Buffer.from("季度报告", "utf8"), Buffer.from(`\r\nX-Trap: --=_mailstead_dsn_${id}\r\n`)]);
    const built = buildDsn(input({ original: { ...input().original, headers: eightBit, headerMessageId: null, subject: "季度\r\n报告" }, recipients: [{ recipient: "bob@remote.example", status: "5.7.1", remoteMta: "mx.remote.example", diagnostic: "550 5.7.1 拒绝\r\nInjected: yes", lastAttemptAt: new Date() }] }));
    const mail = await simpleParser(built.bytes);
    expect(mail.attachments).toHaveLength(2);
    expect(mail.attachments[1]!.content.equals(eightBit)).toBe(true);
    const report = mail.attachments[0]!.content.toString();
    expect(field(report, "Diagnostic-Code")).toBe("smtp; 550 5.7.1 ?? Injected: yes");
    expect(field(report, "Injected")).toBeUndefined();
    expect(mail.text).toContain("550 5.7.1 拒绝 Injected: yes");
    expect(mail.text).toContain("Subject:   季度 报告");
    expect(mail.inReplyTo).toBeUndefined();
    expect(built.bytes.every((b) => b < 0x80)).toBe(true);
  });

  it("leaves out the header part when the original's file is gone", async () => {
    const mail = await simpleParser(buildDsn(input({ original: { ...input().original, headers: null } })).bytes);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["message/delivery-status"]);
  });
});

describe("the notice's id", () => {
  const original = { id: "01JDQ1AAAAAAAAAAAAAAAAAAAA", receivedAt: new Date("2026-11-26T10:00:00Z") };
  it("is a ULID of the original's time, the same for the same notice whatever the recipients' order or case", () => {
    const id = dsnMessageId(original, "failed", ["bob@remote.example", "Carol@remote.example"]);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ulidTime(id)).toEqual(original.receivedAt);
    expect(dsnMessageId(original, "failed", ["carol@remote.example", "bob@remote.example"])).toBe(id);
    expect(dsnMessageId(original, "delayed", ["bob@remote.example", "carol@remote.example"])).not.toBe(id);
    expect(dsnMessageId(original, "failed", ["bob@remote.example"])).not.toBe(id);
  });
});

describe("input checks", () => {
  const ok = { messageId: "01JDQ1AAAAAAAAAAAAAAAAAAAA", kind: "failed", recipients: [{ recipient: "bob@remote.example", status: "5.1.1", remoteMta: "mx.remote.example", diagnostic: null, lastAttemptAt: new Date() }] };
  const problems = (over: object, recipient: object = {}) => {
    const r = ZSendDsnInput.safeParse({ ...ok, ...over, recipients: [{ ...ok.recipients[0], ...recipient }] });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("accepts a well-formed request", () => expect(problems({})).toEqual([]));
  it("names each problem", () => {
    expect(problems({ messageId: "x" })).toEqual(["messageId: expected a message id (ULID)"]);
    expect(problems({ kind: "success" })).toEqual(["kind: expected failed or delayed"]);
    expect(problems({}, { recipient: "bob@remote.example\r\nBcc: x@y" })).toEqual(["recipients.0.recipient: expected an address such as bob@example.com"]);
    expect(problems({}, { status: "550" })).toEqual(["recipients.0.status: expected an RFC 3463 status such as 5.1.1"]);
    expect(problems({}, { status: "2.0.0" })).toEqual(["recipients.0.status: a failed notice needs a 4.x.x or 5.x.x status"]);
    expect(problems({ kind: "delayed" })).toEqual(["recipients.0.status: a delay has a 4.x.x status"]);
    expect(problems({}, { remoteMta: "mx.example; evil" })).toEqual(["recipients.0.remoteMta: expected the remote server's host name or address"]);
    expect(problems({}, { lastAttemptAt: new Date(Number.NaN) })).toEqual(["recipients.0.lastAttemptAt: expected a valid time of the last attempt"]);
    expect(ZSendDsnInput.safeParse({ ...ok, recipients: [] }).error?.issues[0]?.message).toBe("name at least one recipient");
    expect(ZSendDsnInput.safeParse({ ...ok, recipients: [ok.recipients[0], { ...ok.recipients[0], recipient: "BOB@remote.example" }] }).error?.issues[0]?.message).toBe("this recipient is named twice");
  });
  it("cleans free text for a 7-bit field", () => expect(asciiLine("a\r\n\tb 你", 5)).toBe("a b ?"));
});

describe("headerBlock", () => {
  it("is the header up to the blank line, or cut after a whole line when too long", () => {
    expect(headerBlock(Buffer.from("A: 1\r\nB: 2\r\n\r\nbody")).toString()).toBe("A: 1\r\nB: 2\r\n");
    const long = Buffer.from(`${"X: yyyyyyyy\r\n".repeat(HEADER_BYTES / 8)}\r\nbody`);
    const cut = headerBlock(long);
    expect(cut.length).toBeLessThanOrEqual(HEADER_BYTES);
    expect(cut.toString().endsWith("yyyy\r\n")).toBe(true);
  });
});
