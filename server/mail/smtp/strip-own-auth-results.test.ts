import { describe, expect, it } from "vitest";
import { authservIdOf, stripOwnAuthResults } from "./strip-own-auth-results";

const msg = (...head: string[]) => Buffer.from([...head, "", "Body line", "Authentication-Results: mx.mailstead.local; dkim=pass", ""].join("\r\n"), "latin1");

describe("authservIdOf", () => {
  it("reads the first token, past comments and folding, in lower case", () => {
    expect(authservIdOf(" MX.Mailstead.Local; spf=pass")).toBe("mx.mailstead.local");
    expect(authservIdOf(" (forged) mx.mailstead.local 1; dkim=pass")).toBe("mx.mailstead.local");
    expect(authservIdOf("\r\n\tmx.mailstead.local;\r\n\tdmarc=pass")).toBe("mx.mailstead.local");
    expect(authservIdOf(" (unterminated")).toBe("");
  });
});

describe("stripOwnAuthResults", () => {
  it("removes fields with our authserv-id, folded or not, and keeps everything else byte for byte", () => {
    const bytes = msg(
      "Received: from a by b",
      "Authentication-Results: mx.mailstead.local; dkim=pass header.d=bank.example",
      "authentication-results:MX.MAILSTEAD.LOCAL;",
      "\tdmarc=pass (p=reject)",
      "Authentication-Results: mx.other.example; spf=fail",
      "Subject: hello",
    );
    const out = stripOwnAuthResults(bytes, "mx.mailstead.local").toString("latin1");
    expect(out).toBe(
      ["Received: from a by b", "Authentication-Results: mx.other.example; spf=fail", "Subject: hello", "", "Body line", "Authentication-Results: mx.mailstead.local; dkim=pass", ""].join("\r\n"),
    );
  });

  it("returns the same buffer when there is nothing to remove", () => {
    const bytes = msg("Authentication-Results: mx.other.example; spf=pass", "Subject: x");
    expect(stripOwnAuthResults(bytes, "mx.mailstead.local")).toBe(bytes);
    const none = msg("Subject: x");
    expect(stripOwnAuthResults(none, "mx.mailstead.local")).toBe(none);
  });

  it("does not take a field whose name only starts the same, nor a body line", () => {
    const bytes = msg("Authentication-Results-Original: mx.mailstead.local; dkim=pass", "Subject: x");
    expect(stripOwnAuthResults(bytes, "mx.mailstead.local")).toBe(bytes);
  });

  it("handles a message that is all header (no blank line)", () => {
    const bytes = Buffer.from("Subject: x\r\nAuthentication-Results: mx.mailstead.local; spf=pass\r\n", "latin1");
    expect(stripOwnAuthResults(bytes, "mx.mailstead.local").toString("latin1")).toBe("Subject: x\r\n");
  });
});
