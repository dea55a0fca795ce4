import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { startSandboxServer, type SandboxServer } from "./sandbox-server";
import { publishToSandbox, removeFromSandbox, setSandboxZone } from "./sandbox-records";
import { sandbox } from "./sandbox-records.types";
import { query } from "./resolver";
import type { Resolver } from "./dns.types";

// The sandbox answering the real client over real sockets.
let server: SandboxServer;
let at: Resolver;
const ZONE = "example.test";
const KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(6);

beforeAll(async () => {
  await setSandboxZone(ZONE, [
    sandbox.a(ZONE, "192.0.2.10"),
    sandbox.aaaa(ZONE, "2001:db8::1"),
    sandbox.mx(ZONE, 5, "mx-n.mailstead.net"),
    sandbox.mx(ZONE, 50, "mx1-n.mailstead.net"),
    sandbox.txt(ZONE, "v=spf1 include:spf.mailstead.net -all"),
    sandbox.txt(`s1._domainkey.${ZONE}`, `v=DKIM1; k=rsa; p=${KEY.slice(0, 200)}`, KEY.slice(200)),
    sandbox.cname(`webmail.${ZONE}`, "webmail.mailstead.net"),
    sandbox.cname(`alias.${ZONE}`, ZONE),
    // Ten TXT records of ~100 bytes: about 1.1 kB, more than a UDP answer without EDNS may hold.
    ...Array.from({ length: 10 }, (_, i) => sandbox.txt(`big.${ZONE}`, `record-${i}-${"x".repeat(90)}`)),
  ]);
  server = await startSandboxServer({ port: 0, pollMs: 100 });
  at = { host: server.host, port: server.port };
});
afterAll(async () => server?.close());

describe("DNS sandbox", () => {
  it("answers A, AAAA, MX, TXT and CNAME, authoritatively", async () => {
    expect((await query(ZONE, "A", at)).records.map((r) => r.address)).toEqual(["192.0.2.10"]);
    expect((await query(ZONE, "AAAA", at)).records.map((r) => r.address)).toEqual(["2001:db8::1"]);
    const mx = await query(ZONE, "MX", at);
    expect(mx.outcome).toBe("answer");
    expect(mx.records.map((r) => [r.priority, r.exchange])).toEqual([[5, "mx-n.mailstead.net"], [50, "mx1-n.mailstead.net"]]);
    expect((await query(ZONE, "TXT", at)).records[0]).toMatchObject({ strings: ["v=spf1 include:spf.mailstead.net -all"], ttl: 3600 });
    expect((await query(`webmail.${ZONE}`, "CNAME", at)).records[0]).toMatchObject({ target: "webmail.mailstead.net" });
  });

  it("keeps the separate strings of one TXT record", async () => {
    const r = await query(`S1._domainkey.${ZONE}.`, "TXT", at);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.strings).toEqual([`v=DKIM1; k=rsa; p=${KEY.slice(0, 200)}`, KEY.slice(200)]);
  });

  it("answers the CNAME for any type asked at an alias, with the in-zone target's records", async () => {
    const r = await query(`alias.${ZONE}`, "MX", at);
    expect(r.outcome).toBe("answer");
    expect(r.aliases).toEqual([ZONE]);
    expect(r.records).toHaveLength(2);
    const out = await query(`webmail.${ZONE}`, "TXT", at);
    expect(out).toMatchObject({ outcome: "nodata", aliases: ["webmail.mailstead.net"] });
  });

  it("truncates a big answer over UDP and the client gets it all over TCP", async () => {
    const r = await query(`big.${ZONE}`, "TXT", at);
    expect(r.transport).toBe("tcp");
    expect(r.records).toHaveLength(10);
    expect(r.records.map((t) => t.strings[0]!.slice(0, 8)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `record-${i}`));
  });

  it("tells NXDOMAIN from a name without records of the type asked", async () => {
    expect((await query(`nope.${ZONE}`, "TXT", at)).outcome).toBe("nxdomain");
    expect((await query(`webmail.${ZONE}`, "A", at)).outcome).toBe("nodata");
    expect((await query(`_dmarc.${ZONE}`, "TXT", at)).outcome).toBe("nxdomain");
    expect((await query(`big.${ZONE}`, "MX", at)).outcome).toBe("nodata");
    // An empty non-terminal exists (RFC 8020): NOERROR without records.
    expect((await query(`_domainkey.${ZONE}`, "TXT", at)).outcome).toBe("nodata");
  });

  it("sees a publish within a second, by polling", async () => {
    const started = performance.now();
    await publishToSandbox([sandbox.txt(`_dmarc.${ZONE}`, "v=DMARC1; p=quarantine")]);
    let r = await query(`_dmarc.${ZONE}`, "TXT", at);
    while (r.outcome !== "answer" && performance.now() - started < 1_000) {
      await new Promise((ok) => setTimeout(ok, 50));
      r = await query(`_dmarc.${ZONE}`, "TXT", at);
    }
    expect(r.records[0]?.strings).toEqual(["v=DMARC1; p=quarantine"]);
    expect(performance.now() - started).toBeLessThan(1_000);
    // Publishing replaces that name's records of that type; removing takes them out.
    await publishToSandbox([sandbox.txt(`_dmarc.${ZONE}`, "v=DMARC1; p=none")]);
    await server.reload();
    expect((await query(`_dmarc.${ZONE}`, "TXT", at)).records.map((t) => t.strings)).toEqual([["v=DMARC1; p=none"]]);
    expect(await removeFromSandbox(`_dmarc.${ZONE}`, "TXT")).toEqual({ removed: 1 });
    await server.reload();
    expect((await query(`_dmarc.${ZONE}`, "TXT", at)).outcome).toBe("nxdomain");
  });

  it("refuses records it could not serve, naming the field", async () => {
    await expect(publishToSandbox([sandbox.txt(ZONE, "x".repeat(256))])).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { "0.data.strings.0": ["each TXT string has at most 255 bytes"] },
    });
    await expect(publishToSandbox([sandbox.a("bad name.test", "192.0.2.1")])).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("skips a row written around the validation instead of failing the zone", async () => {
    await db.sandboxRecord.create({ data: { name: `broken.${ZONE}`, type: "MX", data: { exchange: 42 } } });
    await server.reload();
    expect((await query(ZONE, "A", at)).outcome).toBe("answer");
    expect((await query(`broken.${ZONE}`, "MX", at)).outcome).toBe("nxdomain");
  });
});
