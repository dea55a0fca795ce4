import net from "node:net";
import { randomUUID } from "node:crypto";
import type { ScanEnvelope } from "./rspamd-client";

// Messages, an envelope and a dead port for the tests against the real rspamd.

export const testEnvelope: ScanEnvelope = {
  ip: "203.0.113.25",
  helo: "mail.example.org",
  from: "alice@example.org",
  rcpt: ["bob@example.com", "carol@example.com"],
  queueId: "TESTQ1",
};

export function testMessage(body: string, subject = "Lunch on Thursday"): Buffer {
  return Buffer.from(
    [
      "From: Alice Example <alice@example.org>",
      "To: Bob Example <bob@example.com>",
      `Subject: ${subject}`,
      "Date: Thu, 26 Nov 2026 10:00:00 +0000",
      `Message-ID: <${randomUUID()}@example.org>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      body,
      "",
    ].join("\r\n"),
  );
}

/** A loopback port nothing listens on (bound, read, released). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
