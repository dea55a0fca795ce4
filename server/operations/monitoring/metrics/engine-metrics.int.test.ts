import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createMailTenant, uniqueLocalPart, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { expectCode, message, openSession, startTestEngine } from "@/server/mail/smtp/smtp-test-helpers";
import { startMetricsServer, type RunningMetricsServer } from "./metrics-server";

// The engine's endpoint end to end: a real message through the real MX listener, a refused
// recipient and a POP3 connection, then GET /metrics over real HTTP with and without the token.

const TOKEN = "engine-metrics-test-token-0123";
let engine: Awaited<ReturnType<typeof startTestEngine>>;
let metrics: RunningMetricsServer;
let t: MailTenant;
let box: { address: string };

beforeAll(async () => {
  engine = await startTestEngine();
  metrics = await startMetricsServer({ host: "127.0.0.1", port: 0, token: TOKEN, process: "mail" });
  t = await createMailTenant();
  box = await createMailbox(t);
});
afterAll(async () => {
  await metrics?.close();
  await engine?.cleanup();
});

const scrape = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${metrics.port}/metrics`, { headers });

/** The value of one sample line, or 0 when the series is not there. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function pop3Hello(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("error", reject);
    s.once("data", (d) => {
      s.end("QUIT\r\n");
      resolve(d.toString("latin1"));
    });
  });
}

describe("engine metrics endpoint", () => {
  it("refuses a scrape without the token or with a wrong one (401), and has only /metrics", async () => {
    expect((await scrape()).status).toBe(401);
    const wrong = await scrape({ authorization: "Bearer not-the-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await fetch(`http://127.0.0.1:${metrics.port}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("counts an accepted message, its delivered copy, a refused recipient and a POP3 session", async () => {
    const before = await (await scrape({ authorization: `Bearer ${TOKEN}` })).text();
    const c = await openSession(engine.ports.mx);
    await expectCode(c.cmd("MAIL FROM:<sender@outside.test>"), 250);
    expect(await c.cmd(`RCPT TO:<nobody-${uniqueLocalPart("x")}@${t.domain.name}>`)).toMatch(/^550 5\.1\.1 /);
    await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
    await expectCode(c.cmd("DATA"), 354);
    expect(await c.cmd(`${message({ from: "sender@outside.test", to: box.address })}.`)).toMatch(/^250 2\.0\.0 Ok: queued as /);
    await c.cmd("QUIT");
    expect(await pop3Hello(engine.ports.pop3)).toMatch(/^\+OK/);

    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const after = await res.text();
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('mailstead_smtp_messages_accepted_total{listener="mx"}')).toBe(1);
    expect(grew('mailstead_mail_local_copies_total{outcome="delivered"}')).toBe(1);
    expect(grew('mailstead_smtp_rejected_total{listener="mx",phase="rcpt",severity="permanent",class="address"}')).toBe(1);
    expect(grew('mailstead_smtp_data_duration_seconds_count{listener="mx"}')).toBe(1);
    expect(grew('mailstead_delivery_latency_seconds_count{direction="inbound"}')).toBe(1);
    expect(grew('mailstead_pop3_sessions_total{listener="pop3"}')).toBe(1);
    expect(after).toContain("# TYPE mailstead_smtp_data_duration_seconds histogram\n");
    expect(after).toMatch(/^mailstead_smtp_data_duration_seconds_bucket\{listener="mx",le="\+Inf"\} \d+$/m);
  });
});
