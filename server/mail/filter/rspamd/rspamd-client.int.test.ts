import net from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { FilterUnavailableError } from "../filter-unavailable";
import { DEFAULT_SPAM_POLICY } from "@/server/mail/filter/spam-policy-rules";
import { rspamdCheck, rspamdLearn } from "./rspamd-client";
import { closedPort, testEnvelope as envelope, testMessage as message } from "./rspamd-test-support";

// Against the real rspamd started by scripts/services/rspamd.sh (127.0.0.1:11333/11334).

const GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

const servers: net.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

describe("rspamdCheck", () => {
  it("scores the GTUBE test string as spam (30, rspamd's reject level in config/rspamd/local.d/actions.conf)", async () => {
    const r = await rspamdCheck(message(`This is a test.\r\n${GTUBE}\r\n`), envelope);
    expect(r.score).toBe(30);
    expect(r.action).toBe("reject");
    expect(r.symbols.map((s) => s.name)).toContain("GTUBE");
    expect(r.ms).toBeGreaterThan(0);
  });

  it("scores a plain personal message low", async () => {
    const body = "Hi Bob,\r\n\r\nShall we have lunch on Thursday at the usual place? Noon suits me.\r\n\r\nAlice\r\n";
    const r = await rspamdCheck(message(body), envelope);
    // Below the point where our policy acts (quarantine 16.3). rspamd's own action is not
    // asserted: Bayes — shared with the quarantine's "not spam" and "report spam" and the e2e runs
    // that use them — moves a short message's score by a point or two.
    expect(r.score).toBeLessThan(DEFAULT_SPAM_POLICY.quarantineScore);
    expect(typeof r.action).toBe("string");
    expect(r.requiredScore).toBe(30);
    for (const s of r.symbols) expect(typeof s.score).toBe("number");
  });

  it("adds SpamAssassin's score as SPAMD, with the rules that fired (config/rspamd/local.d/external_services.conf)", async () => {
    const html =
      "<html><body><font size=7 color=red>CLICK HERE to claim your FREE prize! 100% GUARANTEED!</font> Remove me: http://198.51.100.7/remove</body></html>";
    const bytes = Buffer.from(
      ["From: Prizes <win@example.net>", "To: bob@example.com", "Subject: FREE MONEY!!! ACT NOW", "Content-Type: text/html", "", html, ""].join("\r\n"),
    );
    const r = await rspamdCheck(bytes, envelope);
    const spamd = r.symbols.find((s) => s.name === "SPAMD");
    expect(spamd?.score).toBeGreaterThan(3);
    expect(spamd?.options?.join(",")).toMatch(/GUARANTEED_100_PERCENT/);
    expect(r.symbols.map((s) => s.name)).not.toContain("SPAMD_FAIL");
  });

  it("scans a malformed MIME message instead of failing", async () => {
    const bytes = Buffer.from(
      'From: <<<broken\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\nContent-Transfer-Encoding: base64\r\n\r\n--never-closed\r\nContent-Type: text/html\r\n\r\n<html><b>%%%%\x00\xff\xfe not base64 ==\r\n',
      "latin1",
    );
    const r = await rspamdCheck(bytes, { ...envelope, from: "", rcpt: [] });
    expect(Number.isFinite(r.score)).toBe(true);
  });

  it("fails fast with FilterUnavailableError when nothing listens", async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await rspamdCheck(message("hello"), envelope, { url: `http://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
    expect((err as FilterUnavailableError).scanner).toBe("rspamd");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("fails with FilterUnavailableError when the scan outlasts the timeout", async () => {
    const big = message("word ".repeat(600_000)); // ~3 MB: more than 2 ms of upload and scan
    const err = await rspamdCheck(big, envelope, { timeoutMs: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
    expect(String(err)).toMatch(/within 2 ms/);
  });

  it("fails with FilterUnavailableError when a peer accepts but never answers", async () => {
    const silent = net.createServer(() => {}); // holds the connection open, says nothing
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    const err = await rspamdCheck(message("hello"), envelope, { url: `http://127.0.0.1:${port}`, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("fails with FilterUnavailableError on a non-rspamd HTTP answer", async () => {
    // The controller has no /checkv2: a real HTTP error answer from a real rspamd.
    const err = await rspamdCheck(message("hello"), envelope, { url: "http://127.0.0.1:11334/nowhere/" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
    expect(String(err)).toMatch(/HTTP \d{3}/);
  });

  it("refuses an envelope field with a line break", async () => {
    const err = await rspamdCheck(message("hello"), { ...envelope, helo: "a\r\nIP: 1.2.3.4" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
  });
});

describe("rspamdLearn", () => {
  it("learns a new message, then reports it as already learned", async () => {
    // A unique random message, so the test does not depend on what Bayes already knows.
    const words = Array.from({ length: 60 }, () => randomBytes(5).toString("hex")).join(" ");
    const bytes = message(`Unique words for this run: ${words}\r\n`, `Learn test ${randomUUID()}`);
    const first = await rspamdLearn("ham", bytes);
    expect(first).toEqual({ learned: true, detail: expect.any(String) });
    // rspamd records the learn after answering: ask again until the record is visible.
    let again = { learned: true, detail: "" };
    for (let i = 0; i < 20 && again.learned; i++) {
      await new Promise((r) => setTimeout(r, 100));
      again = await rspamdLearn("ham", bytes);
    }
    expect(again.learned).toBe(false);
    expect(again.detail).toMatch(/already learned/i);
    // Relearning as the other class is allowed (a user's correction).
    const flipped = await rspamdLearn("spam", bytes);
    expect(flipped.learned).toBe(true);
  });

  it("reports a message Bayes declines (too few words) as not learned, with rspamd's reason", async () => {
    const r = await rspamdLearn("spam", Buffer.from("Subject: x\r\n\r\nhi\r\n"));
    expect(r.learned).toBe(false);
    expect(r.detail).toMatch(/less tokens|learn conditions/);
  });

  it("throws FilterUnavailableError when the controller is unreachable", async () => {
    const port = await closedPort();
    const err = await rspamdLearn("spam", message("x"), { url: `http://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FilterUnavailableError);
  });
});
