import net from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closedPort, testMessage } from "../rspamd/rspamd-test-support";
import { FilterUnavailableError } from "../filter-unavailable";
import { spamdSymbols, spamdTell } from "./spamd-client";

// Against the real spamd (scripts/services/spamd.sh), and against peers that misbehave.

const GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
const servers: net.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A loopback peer that does `onConnection` with every connection. */
async function peer(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as net.AddressInfo).port;
}

describe("spamdSymbols", () => {
  it("scores the GTUBE test string as spam and names the rule", async () => {
    const v = await spamdSymbols(testMessage(`Buy now\r\n${GTUBE}`));
    expect(v.isSpam).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(1000);
    expect(v.rules).toContain("GTUBE");
  });

  it("scores a plain personal message low", async () => {
    const v = await spamdSymbols(testMessage("Hi Bob, shall we have lunch on Thursday at noon? Alice"));
    expect(v.isSpam).toBe(false);
    expect(v.score).toBeLessThan(5);
  });
});

describe("spamdTell", () => {
  it("learns a new message, reports a repeat as already learned, and relearns it as the other class", async () => {
    const words = Array.from({ length: 80 }, () => randomBytes(4).toString("hex")).join(" ");
    const msg = testMessage(`Special offer: ${words}`, "Offer");
    expect(await spamdTell("spam", msg)).toEqual({ learned: true, detail: "learned as spam" });
    expect(await spamdTell("spam", msg)).toEqual({ learned: false, detail: "already learned as spam" });
    expect(await spamdTell("ham", msg)).toEqual({ learned: true, detail: "learned as ham" });
  });
});

describe("spamd failures", () => {
  it("is FilterUnavailableError when nothing listens", async () => {
    const err = await spamdSymbols(testMessage("hello"), { port: await closedPort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
    expect((err as FilterUnavailableError).scanner).toBe("spamassassin");
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("is FilterUnavailableError when a peer accepts but never answers", async () => {
    const port = await peer(() => undefined);
    await expect(spamdTell("spam", testMessage("hello"), { port, timeoutMs: 300 })).rejects.toThrow(/no answer within 300 ms/);
  });

  it("is FilterUnavailableError when a peer answers something that is not spamd", async () => {
    const port = await peer((s) => s.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    await expect(spamdSymbols(testMessage("hello"), { port })).rejects.toThrow(/not SPAMD: HTTP\/1.1 400/);
  });

  it("is FilterUnavailableError when spamd answers with an error code", async () => {
    const port = await peer((s) => s.end("SPAMD/1.0 76 Bad header line: (Content-Length contains non-numeric bytes)\r\n"));
    await expect(spamdTell("ham", testMessage("hello"), { port })).rejects.toThrow(/TELL answered 76 Bad header line/);
  });
});
