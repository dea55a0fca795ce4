import dgram from "node:dgram";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Packet, UDPServer } from "dns2";
import { resetEnvCache } from "@/server/shared/env";
import { startSandboxServer, type SandboxServer } from "./sandbox-server";
import { setSandboxZone } from "./sandbox-records";
import { sandbox } from "./sandbox-records.types";
import { configuredResolvers, query, queryAll } from "./resolver";
import type { Resolver } from "./dns.types";

// Resolvers that misbehave, each a real socket on 127.0.0.1.
let good: SandboxServer;
const sockets: dgram.Socket[] = [];
let dead: Resolver, garbage: Resolver, servfail: Resolver, refused: Resolver, shortReply: Resolver;

async function udpResolver(onMessage: (socket: dgram.Socket, msg: Buffer, from: dgram.RemoteInfo) => void): Promise<Resolver> {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (msg, from) => onMessage(socket, msg, from));
  await new Promise<void>((ok) => socket.bind(0, "127.0.0.1", ok));
  sockets.push(socket);
  return { host: "127.0.0.1", port: socket.address().port };
}

async function rcodeResolver(rcode: number): Promise<Resolver> {
  const server = new UDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    response.header.rcode = rcode;
    void send(response);
  });
  await new Promise<void>((ok) => server.bind(0, "127.0.0.1", ok));
  sockets.push(server);
  return { host: "127.0.0.1", port: server.address().port };
}

beforeAll(async () => {
  await setSandboxZone("good.test", [sandbox.mx("good.test", 5, "mx-n.mailstead.net")]);
  good = await startSandboxServer({ port: 0 });
  dead = await udpResolver(() => {}); // bound, drops every packet
  garbage = await udpResolver((s, _m, from) => s.send(randomBytes(64), from.port, from.address));
  shortReply = await udpResolver((s, _m, from) => s.send(Buffer.from([1, 2, 3]), from.port, from.address));
  servfail = await rcodeResolver(2) // SERVFAIL;
  refused = await rcodeResolver(5) // REFUSED;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await good?.close();
});

describe("DNS client against misbehaving resolvers", () => {
  it("gives up on a resolver that never answers after the timeout, and no later", async () => {
    const started = performance.now();
    const r = await query("good.test", "MX", dead, { timeoutMs: 300 });
    const took = performance.now() - started;
    expect(r).toMatchObject({ outcome: "error", errorKind: "timeout", records: [] });
    expect(r.error).toBe(`no answer from 127.0.0.1:${dead.port} over UDP within 300 ms`);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(600);
  });

  it("reports garbage as a malformed answer at once", async () => {
    const r = await query("good.test", "MX", garbage, { timeoutMs: 2_000 });
    expect(r).toMatchObject({ outcome: "error", errorKind: "malformed" });
    expect(r.error).toMatch(/^malformed answer from 127\.0\.0\.1:\d+: /);
    expect(r.elapsedMs).toBeLessThan(1_000);
    const short = await query("good.test", "MX", shortReply);
    expect(short.error).toBe(`malformed answer from 127.0.0.1:${shortReply.port}: 3 bytes, shorter than a DNS header (12)`);
  });

  it("reports SERVFAIL and REFUSED as errors, not as missing records", async () => {
    expect(await query("good.test", "TXT", servfail)).toMatchObject({
      outcome: "error",
      errorKind: "servfail",
      error: `127.0.0.1:${servfail.port} answered SERVFAIL (server failure)`,
    });
    expect(await query("good.test", "TXT", refused)).toMatchObject({ outcome: "error", errorKind: "refused" });
  });

  it("asks every resolver in parallel and returns each one's outcome", async () => {
    const started = performance.now();
    const results = await queryAll("good.test", "MX", [{ host: good.host, port: good.port }, dead], { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(600);
    expect(results.map((r) => [r.resolver, r.outcome])).toEqual([
      [`127.0.0.1:${good.port}`, "answer"],
      [`127.0.0.1:${dead.port}`, "error"],
    ]);
    expect(results[0]!.records[0]).toMatchObject({ type: "MX", priority: 5, exchange: "mx-n.mailstead.net" });
  });

  it("turns a name DNS cannot carry into an error, without throwing", async () => {
    const r = await query(`${"a".repeat(64)}.test`, "A", dead);
    expect(r).toMatchObject({ outcome: "error", errorKind: "bad-name" });
  });

  it("reports a refused TCP retry as a network error", async () => {
    // A resolver that truncates every answer, with nothing listening on its TCP port.
    const truncating = await udpResolver((s, msg, from) => {
      const reply = Buffer.from(msg);
      reply[2] = reply[2]! | 0x80 | 0x02; // QR and TC
      s.send(reply, from.port, from.address);
    });
    const r = await query("good.test", "TXT", truncating, { timeoutMs: 1_000 });
    expect(r).toMatchObject({ outcome: "error", errorKind: "network", transport: "tcp" });
    expect(r.error).toMatch(/over TCP: connect ECONNREFUSED/);
  });

  it("defaults to the sandbox when it is on, else DNS_RESOLVERS or resolv.conf", () => {
    const keys = ["DNS_SANDBOX", "DNS_SANDBOX_PORT", "DNS_RESOLVERS"] as const;
    const saved = keys.map((k) => [k, process.env[k]] as const);
    try {
      Object.assign(process.env, { DNS_SANDBOX: "on", DNS_SANDBOX_PORT: "5399" });
      delete process.env.DNS_RESOLVERS;
      resetEnvCache();
      expect(configuredResolvers()).toEqual([{ host: "127.0.0.1", port: 5399 }]);
      process.env.DNS_RESOLVERS = "10.0.0.1,10.0.0.2:5353,[2001:db8::53]:53";
      resetEnvCache();
      expect(configuredResolvers()).toEqual([
        { host: "10.0.0.1", port: 53 },
        { host: "10.0.0.2", port: 5353 },
        { host: "2001:db8::53", port: 53 },
      ]);
      delete process.env.DNS_RESOLVERS;
      process.env.DNS_SANDBOX = "off";
      resetEnvCache();
      expect(configuredResolvers().length).toBeGreaterThan(0);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
  });
});
