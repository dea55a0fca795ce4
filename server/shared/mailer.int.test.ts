import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import { resetEnvCache } from "./env";
import { closeMailer, MailerError, sendMail, transportOptions } from "./mailer";

// The mailer against real smtp-server listeners on port 0: what arrives, over which connection,
// and what the caller is told when the server refuses or is not there.
let sink: SmtpSink;

function pointAt(url: string) {
  process.env.SMTP_URL = url;
  process.env.MAIL_FROM = "Mailstead 计费 <billing@mailstead.test>";
  resetEnvCache();
}

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterEach(() => {
  closeMailer();
  sink.messages.length = 0;
});
afterAll(async () => {
  await sink.close();
});

describe("sendMail", () => {
  it("delivers one message from MAIL_FROM to every recipient, over STARTTLS on loopback", async () => {
    pointAt(sink.url);
    const sent = await sendMail({ to: ["a@example.test", "b@example.test"], subject: "余额提醒 / Balance reminder", text: "你好\nHello ¥1,000.00" });
    expect(sent.accepted.sort()).toEqual(["a@example.test", "b@example.test"]);
    expect(sent.rejected).toEqual([]);
    const [msg] = await sink.waitFor(1);
    expect(msg).toMatchObject({ from: "billing@mailstead.test", to: ["a@example.test", "b@example.test"], secure: true });
    expect(msg!.subject).toBe("余额提醒 / Balance reminder");
    expect(msg!.text).toBe("你好\nHello ¥1,000.00");
    expect(msg!.raw).toMatch(/^From: /m);
  });

  it("keeps one pooled connection for several messages", async () => {
    pointAt(sink.url);
    const before = sink.connections();
    for (let i = 0; i < 3; i++) await sendMail({ to: ["a@example.test"], subject: `n${i}`, text: "x" });
    expect(sink.messages.map((m) => m.subject)).toEqual(["n0", "n1", "n2"]);
    expect(sink.connections() - before).toBe(1);
  });

  it("sends an HTML alternative when given one", async () => {
    pointAt(sink.url);
    await sendMail({ to: ["a@example.test"], subject: "html", text: "plain words", html: "<p>rich words</p>" });
    const [msg] = await sink.waitFor(1);
    expect(msg!.text).toBe("plain words");
    expect(msg!.raw).toContain("text/html");
  });

  it("follows a changed SMTP_URL (a new pool for the new server)", async () => {
    const other = await startSmtpSink();
    try {
      pointAt(sink.url);
      await sendMail({ to: ["a@example.test"], subject: "first", text: "x" });
      pointAt(other.url);
      await sendMail({ to: ["a@example.test"], subject: "second", text: "x" });
      expect(sink.messages.map((m) => m.subject)).toEqual(["first"]);
      expect(other.messages.map((m) => m.subject)).toEqual(["second"]);
    } finally {
      closeMailer();
      await other.close();
    }
  });

  it("says the server refused, with its reply, and that retrying will not help", async () => {
    const refusing = await startSmtpSink({ refuse: { code: 550, message: "5.7.1 Sender not allowed" } });
    try {
      pointAt(refusing.url);
      const error = await sendMail({ to: ["a@example.test"], subject: "x", text: "x" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailerError);
      expect(error).toMatchObject({ code: "UNAVAILABLE", responseCode: 550, permanent: true });
      expect((error as Error).message).toMatch(new RegExp(`mail server at 127\\.0\\.0\\.1:${refusing.port} refused the message: 550 5\\.7\\.1 Sender not allowed`));
    } finally {
      closeMailer();
      await refusing.close();
    }
  });

  it("says the server cannot be reached, without leaking the password in SMTP_URL", async () => {
    const port = await closedPort();
    pointAt(`smtp://user:s3cret@127.0.0.1:${port}`);
    const error = await sendMail({ to: ["a@example.test"], subject: "x", text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailerError);
    expect(error).toMatchObject({ responseCode: null, permanent: false });
    expect((error as Error).message).toMatch(new RegExp(`Could not reach the mail server at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED`));
    expect((error as Error).message).not.toContain("s3cret");
  });

  it.each([
    [{ to: [] }, "has no recipients"],
    [{ to: ["not-an-address"] }, 'not e-mail addresses: "not-an-address"'],
    [{ to: ["a@example.test\r\nBcc: evil@example.test"] }, "not e-mail addresses"],
    [{ to: ["a@example.test"], subject: "x\r\nBcc: evil@example.test" }, "line break in its subject"],
    [{ to: Array.from({ length: 101 }, (_, i) => `u${i}@example.test`) }, "at most 100"],
  ])("refuses a malformed message %# before connecting", async (bad, message) => {
    pointAt(sink.url);
    const before = sink.connections();
    await expect(sendMail({ subject: "s", text: "t", ...bad })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining(message) });
    expect(sink.connections()).toBe(before);
  });
});

describe("transportOptions", () => {
  it("accepts a self-signed certificate on loopback only", () => {
    expect(transportOptions("smtp://127.0.0.1:2525").tls).toMatchObject({ rejectUnauthorized: false });
    expect(transportOptions("smtp://localhost:2525").tls).toMatchObject({ rejectUnauthorized: false });
    expect(transportOptions("smtp://mail.example.com:587").tls).toMatchObject({ rejectUnauthorized: true });
    expect(transportOptions("smtp://127.0.0.1.example.com").tls).toMatchObject({ rejectUnauthorized: true });
  });

  it("reads implicit TLS, default ports and credentials from the URL", () => {
    expect(transportOptions("smtps://relay.example.com")).toMatchObject({ secure: true, port: 465, auth: undefined });
    expect(transportOptions("smtp://relay.example.com")).toMatchObject({ secure: false, port: 25 });
    expect(transportOptions("smtp://me%40x:p%3Ass@relay.example.com:587").auth).toEqual({ user: "me@x", pass: "p:ss" });
  });
});

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
