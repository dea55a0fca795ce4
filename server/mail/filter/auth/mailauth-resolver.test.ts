import { describe, expect, it } from "vitest";
import { splitHeaderBlock } from "./authenticate-inbound";
import { mailauthResolver } from "./mailauth-resolver";

describe("splitHeaderBlock", () => {
  it("unfolds mailauth's folded headers into one line each", () => {
    expect(splitHeaderBlock("Received-SPF: pass (x) client-ip=1.2.3.4;\r\nAuthentication-Results: mx.test;\r\n dkim=none;\r\n spf=pass\r\n")).toEqual([
      "Received-SPF: pass (x) client-ip=1.2.3.4;",
      "Authentication-Results: mx.test; dkim=none; spf=pass",
    ]);
  });
});

describe("mailauthResolver", () => {
  it("answers types our DNS client does not ask (PTR) with ENODATA, without a query", async () => {
    const resolve = mailauthResolver(() => [], () => 100);
    await expect(resolve("4.3.2.1.in-addr.arpa", "PTR")).rejects.toMatchObject({ code: "ENODATA" });
  });
  it("is a temporary error (not a void answer) when no resolver can be asked", async () => {
    const resolve = mailauthResolver(() => [], () => 100);
    await expect(resolve("example.test", "TXT")).rejects.toMatchObject({ code: "ESERVFAIL" });
  });
});
