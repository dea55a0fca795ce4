import { describe, expect, it } from "vitest";
import { DEFAULT_ATTACHMENT_LIMIT_MB, MESSAGE_OVERHEAD_BYTES, maxMessageBytes } from "./message-size";

const MIB = 1024 * 1024;

/** What a real encoder produces for an attachment of `bytes`: base64 in 76-character CRLF lines. */
const encodedSize = (bytes: number) => {
  const b64 = 4 * Math.ceil(bytes / 3);
  return b64 + 2 * Math.ceil(b64 / 76);
};

describe("maxMessageBytes", () => {
  it("gives the seeds' plans their sizes: 263's 30 MB and Tencent's 100 MB attachments", () => {
    expect(maxMessageBytes(30)).toBe(44_095_382);
    expect(maxMessageBytes(100)).toBe(144_537_928);
  });

  it("lets an attachment exactly at the limit through, with the overhead to spare", () => {
    for (const mb of [1, 2, 3]) {
      const attachment = mb * MIB;
      // A real encoder (Node's base64, folded as MIME does) for the smaller sizes; the formula for all.
      const encoded = Buffer.alloc(attachment, 7).toString("base64").replace(/(.{76})/g, "$1\r\n");
      expect(encoded.length).toBeLessThanOrEqual(encodedSize(attachment));
      expect(maxMessageBytes(mb)).toBe(encodedSize(attachment) + MESSAGE_OVERHEAD_BYTES);
    }
  });

  it("is about 4/3 of the attachment plus line breaks and 1 MiB", () => {
    const ratio = (maxMessageBytes(100) - MIB) / (100 * MIB);
    expect(ratio).toBeGreaterThan(4 / 3);
    expect(ratio).toBeLessThan((4 / 3) * (78 / 76) + 0.001);
  });

  it("defaults a tenant without a plan to the smallest catalogue limit, 30 MB", () => {
    expect(DEFAULT_ATTACHMENT_LIMIT_MB).toBe(30);
  });
});
