import { describe, expect, it } from "vitest";
import { transferBytes } from "./pop3-transfer";

const t = (message: string, lines: number | null = null) => transferBytes(Buffer.from(message, "latin1"), lines).toString("latin1");

describe("transferBytes", () => {
  it("sends a CRLF message unchanged and terminates it", () => {
    expect(t("Subject: a\r\n\r\nhello\r\n")).toBe("Subject: a\r\n\r\nhello\r\n.\r\n");
  });

  it("byte-stuffs lines that start with a dot", () => {
    expect(t("A: b\r\n\r\n.\r\n..x\r\n.hidden\r\nend\r\n")).toBe("A: b\r\n\r\n..\r\n...x\r\n..hidden\r\nend\r\n.\r\n");
    expect(t(".first\r\n")).toBe("..first\r\n.\r\n");
  });

  it("ends every line in CRLF: bare LF and a missing last line end are repaired", () => {
    expect(t("A: b\n\nline\nlast")).toBe("A: b\r\n\r\nline\r\nlast\r\n.\r\n");
    expect(t("A: b\r\n\r\n.dot")).toBe("A: b\r\n\r\n..dot\r\n.\r\n");
  });

  it("keeps a CR that is not before LF", () => {
    expect(t("A: b\r\n\r\nx\ry\r\n")).toBe("A: b\r\n\r\nx\ry\r\n.\r\n");
  });

  it("TOP sends the header, the blank line and k body lines", () => {
    const msg = "A: 1\r\nB: 2\r\n\r\nl1\r\n.l2\r\nl3\r\n";
    expect(t(msg, 0)).toBe("A: 1\r\nB: 2\r\n\r\n.\r\n");
    expect(t(msg, 2)).toBe("A: 1\r\nB: 2\r\n\r\nl1\r\n..l2\r\n.\r\n");
    expect(t(msg, 99)).toBe(msg.replace(".l2", "..l2") + ".\r\n");
  });

  it("TOP of a message without a body sends the whole header", () => {
    expect(t("A: 1\r\nB: 2\r\n", 0)).toBe("A: 1\r\nB: 2\r\n.\r\n");
  });

  it("an empty message is just the terminator", () => {
    expect(t("")).toBe(".\r\n");
  });

  it("handles a large message (1 MB, 20,000 lines) in one pass", () => {
    const line = ".".repeat(50) + "\r\n";
    const message = Buffer.from("S: x\r\n\r\n" + line.repeat(20_000));
    const out = transferBytes(message, null);
    expect(out.length).toBe(message.length + 20_000 + 3);
  });
});
