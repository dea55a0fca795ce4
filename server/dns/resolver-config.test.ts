import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseResolver, systemResolvers } from "./resolver";

describe("resolver configuration", () => {
  it("parses ip[:port] entries, IPv6 with or without brackets", () => {
    expect(parseResolver(" 10.0.0.1 ", 53)).toEqual({ host: "10.0.0.1", port: 53 });
    expect(parseResolver("10.0.0.1:5353", 53)).toEqual({ host: "10.0.0.1", port: 5353 });
    expect(parseResolver("[::1]:5353", 53)).toEqual({ host: "::1", port: 5353 });
    expect(parseResolver("2001:db8::53", 53)).toEqual({ host: "2001:db8::53", port: 53 });
  });

  it("reads the nameservers of resolv.conf, and falls back to the local machine like glibc", () => {
    const dir = mkdtempSync(join(tmpdir(), "resolv-"));
    const file = join(dir, "resolv.conf");
    writeFileSync(file, "# comment\nsearch example.test\nnameserver 10.0.0.1\n  nameserver ::1\noptions ndots:1\n");
    expect(systemResolvers(file)).toEqual([
      { host: "10.0.0.1", port: 53 },
      { host: "::1", port: 53 },
    ]);
    expect(systemResolvers(join(dir, "missing"))).toEqual([{ host: "127.0.0.1", port: 53 }]);
  });
});
