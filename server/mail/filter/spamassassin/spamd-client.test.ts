import { describe, expect, it } from "vitest";
import { parseReply } from "./spamd-client";

describe("parseReply", () => {
  it("splits the status line, the headers and the body", () => {
    expect(parseReply("SPAMD/1.1 0 EX_OK\r\nContent-length: 14\r\nSpam: True ; 1003.7 / 5.0\r\n\r\nGTUBE,NO_RELAYS")).toEqual({
      status: 0,
      message: "EX_OK",
      headers: { "content-length": "14", spam: "True ; 1003.7 / 5.0" },
      body: "GTUBE,NO_RELAYS",
    });
  });

  it("reads a TELL answer with no body", () => {
    expect(parseReply("SPAMD/1.1 0 EX_OK\r\nDidSet: local\r\n\r\n")).toMatchObject({ status: 0, headers: { didset: "local" }, body: "" });
  });

  it("is null for an answer that is not spamd's", () => {
    expect(parseReply("")).toBeNull();
    expect(parseReply("HTTP/1.1 200 OK\r\n\r\n")).toBeNull();
    expect(parseReply("SPAMD/x 0 EX_OK\r\n")).toBeNull();
  });
});
