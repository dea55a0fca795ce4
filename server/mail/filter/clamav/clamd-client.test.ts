import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FilterUnavailableError } from "@/server/mail/filter/filter-unavailable";
import { defaultScanDeadlineMs, parseScanReply } from "./clamd-client";

describe("parseScanReply", () => {
  it("reads a clean verdict", () => {
    expect(parseScanReply("stream: OK")).toEqual({ infected: false });
    expect(parseScanReply("stream: OK\n")).toEqual({ infected: false });
  });

  it("reads the signature of a finding, spaces and dots included", () => {
    expect(parseScanReply("stream: Mailstead.Test.EICAR.UNOFFICIAL FOUND")).toEqual({
      infected: true,
      signature: "Mailstead.Test.EICAR.UNOFFICIAL",
    });
    expect(parseScanReply("stream: Win.Test.EICAR_HDB-1 FOUND")).toMatchObject({ signature: "Win.Test.EICAR_HDB-1" });
  });

  it("throws FilterUnavailableError on an ERROR reply: a message over StreamMaxLength is not passed", () => {
    expect(() => parseScanReply("INSTREAM size limit exceeded. ERROR")).toThrow(FilterUnavailableError);
    expect(() => parseScanReply("INSTREAM size limit exceeded. ERROR")).toThrow(/size limit exceeded/);
    expect(() => parseScanReply("stream: Can't allocate memory ERROR")).toThrow(FilterUnavailableError);
  });

  it("throws FilterUnavailableError on anything it does not understand", () => {
    for (const reply of ["", "PONG", "stream:", "stream: FOUND", "UNKNOWN COMMAND", "stream: OKAY"]) {
      expect(() => parseScanReply(reply), reply).toThrow(FilterUnavailableError);
    }
  });
});

describe("defaultScanDeadlineMs", () => {
  it("is the base for an empty message and adds 1 s per started MB", () => {
    expect(defaultScanDeadlineMs(0, 30_000)).toBe(30_000);
    expect(defaultScanDeadlineMs(2048, 30_000)).toBe(31_000);
    expect(defaultScanDeadlineMs(1024 * 1024, 30_000)).toBe(31_000);
    expect(defaultScanDeadlineMs(100 * 1024 * 1024, 30_000)).toBe(130_000);
  });

  it("stays below clamd's MaxScanTime (300 s) however large the message", () => {
    expect(defaultScanDeadlineMs(1024 * 1024 * 1024, 120_000)).toBe(240_000);
  });
});

describe("config/clamav/clamd.conf", () => {
  const conf = readFileSync("config/clamav/clamd.conf", "utf8");
  const value = (key: string) => new RegExp(`^${key} (.+)$`, "m").exec(conf)?.[1];

  it("lets the client give up (451) before clamd's own time limit calls a scan done", () => {
    expect(Number(value("MaxScanTime"))).toBeGreaterThan(defaultScanDeadlineMs(1024 * 1024 * 1024, 120_000));
  });

  it("reports what a limit stopped it from scanning, instead of calling it clean", () => {
    expect(value("AlertExceedsMax")).toBe("yes");
  });
});
