import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCode, openSession, startTestEngine } from "@/server/mail/smtp/smtp-test-helpers";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { createSampleWriter } from "@/server/sla/samples/write-samples";
import { probeE2e } from "./e2e.probe";
import { withConnection } from "./line-connection";
import { newProbeToken, PROBE_TOKEN_HEADER, takeByToken } from "./pop3-take";
import { openPop3 } from "./pop3.probe";
import { probeLabelled } from "./labelled.probe";
import { probeNetwork } from "./network.probe";
import { probePop3 } from "./pop3.probe";
import { ensureProbeMailbox, PROBE_MAILBOX_ALERT, type ProbeMailbox } from "./probe-mailbox";
import { recordRun } from "./record-run";
import { probeSmtpMx } from "./smtp-mx.probe";
import { probeSubmission } from "./submission.probe";
import { virusSample } from "./virus-samples";

// The probes against the real engine listeners (port 0, filters on with rspamd and clamd), a
// stopped listener, and a listener that accepts TCP and never says a word.

const TIMEOUT = 3_000;
const GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
let engine: Awaited<ReturnType<typeof startTestEngine>>;
let box: ProbeMailbox & { repaired: string[] };
let silent: net.Server;
let silentPort: number;
let closedPort: number;
const at = (port: number) => ({ host: "127.0.0.1", port });

beforeAll(async () => {
  process.env.SLA_PROBE_PASSWORD = "probe-password-for-tests-0123";
  resetEnvCache();
  engine = await startTestEngine();
  box = await ensureProbeMailbox();
  // Accepts and says nothing, like a half-open or hung listener.
  silent = net.createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentPort = (silent.address() as AddressInfo).port;
  // A port that was free a moment ago: nothing listens there.
  const tmp = net.createServer();
  await new Promise<void>((r) => tmp.listen(0, "127.0.0.1", r));
  closedPort = (tmp.address() as AddressInfo).port;
  await new Promise<void>((r) => tmp.close(() => r()));
});
afterAll(async () => {
  silent?.close();
  await engine?.cleanup();
});

describe("ensureProbeMailbox", () => {
  it("is idempotent: a second call repairs nothing", async () => {
    expect(box.repaired).toEqual(expect.arrayContaining(["tenant created", "domain created", "mailbox created"]));
    expect((await ensureProbeMailbox()).repaired).toEqual([]);
  });
});

describe("uptime probes on running listeners", () => {
  it("smtp_mx, submission, pop3 and network succeed with a latency", async () => {
    const results = await Promise.all([
      probeSmtpMx(at(engine.ports.mx), { timeoutMs: TIMEOUT, rcpt: box.address }),
      probeSubmission(at(engine.ports.submission), { timeoutMs: TIMEOUT, ...box }),
      probePop3(at(engine.ports.pop3), { timeoutMs: TIMEOUT, ...box }),
      probeNetwork(at(engine.ports.mx), { timeoutMs: TIMEOUT }),
    ]);
    for (const r of results) {
      expect(r).toMatchObject({ ok: true, error: null });
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("failures", () => {
  it("a stopped listener: connection refused, at once", async () => {
    for (const r of [
      await probeSmtpMx(at(closedPort), { timeoutMs: TIMEOUT, rcpt: box.address }),
      await probePop3(at(closedPort), { timeoutMs: TIMEOUT, ...box }),
      await probeNetwork(at(closedPort), { timeoutMs: TIMEOUT }),
    ]) {
      expect(r).toMatchObject({ ok: false, latencyMs: null });
      expect(r.error).toMatch(/ECONNREFUSED/);
    }
  });

  it("a listener that accepts but never greets: a timeout failure, bounded", async () => {
    const started = performance.now();
    const [smtp, pop3] = await Promise.all([
      probeSmtpMx(at(silentPort), { timeoutMs: 300, rcpt: box.address }),
      probePop3(at(silentPort), { timeoutMs: 300, ...box }),
    ]);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(smtp.error).toBe("timed out after 300 ms waiting for the SMTP greeting");
    expect(pop3.error).toBe("timed out after 300 ms waiting for the POP3 greeting");
  });

  it("a wrong password: the login's refusal, flagged as possibly the mailbox's", async () => {
    const sub = await probeSubmission(at(engine.ports.submission), { timeoutMs: TIMEOUT, address: box.address, password: "wrong-password-123" });
    expect(sub).toMatchObject({ ok: false, suspectMailbox: true });
    expect(sub.error).toMatch(/^the reply to AUTH PLAIN: expected 235, got 535/);
    const pop = await probePop3(at(engine.ports.pop3), { timeoutMs: TIMEOUT, address: box.address, password: "wrong-password-123" });
    expect(pop).toMatchObject({ ok: false, suspectMailbox: true });
    expect(pop.error).toMatch(/^the reply to PASS: expected \+OK, got -ERR/);
  });
});

describe("the probe mailbox shared by several probes", () => {
  it("probes in one process take turns: three POP3 probes at once all succeed", async () => {
    const runs = await Promise.all([0, 1, 2].map(() => probePop3(at(engine.ports.pop3), { timeoutMs: TIMEOUT, ...box })));
    expect(runs.map((r) => r.error)).toEqual([null, null, null]);
  });

  it("a session held elsewhere (another probe host) is [IN-USE]: inconclusive, and no sample is written", async () => {
    const writer = createSampleWriter({ flushSeconds: 600 });
    try {
      await withConnection(at(engine.ports.pop3), TIMEOUT, async (c) => {
        await openPop3(c, box); // holds the maildrop until QUIT
        const r = await probePop3(at(engine.ports.pop3), { timeoutMs: TIMEOUT, ...box });
        expect(r).toMatchObject({ ok: false, inconclusive: true });
        expect(r.error).toMatch(/IN-USE/);
        expect(await recordRun(writer, "test", { probe: "pop3", target: "held", run: () => probePop3(at(engine.ports.pop3), { timeoutMs: TIMEOUT, ...box }) })).toBeNull();
        expect(writer.pending()).toBe(0);
        c.write("QUIT\r\n");
      });
    } finally {
      await writer.close();
    }
  });

  it("a message a probe never came back for is swept after an hour; a recent one is left to its run", async () => {
    const send = async (token: string) => {
      const s = await openSession(engine.ports.submission, { user: box.address, pass: box.password });
      await expectCode(s.cmd(`MAIL FROM:<${box.address}>`), 250);
      await expectCode(s.cmd(`RCPT TO:<${box.address}>`), 250);
      await expectCode(s.cmd("DATA"), 354);
      await expectCode(s.cmd(`${PROBE_TOKEN_HEADER}: ${token}\r\nSubject: left behind\r\n\r\nbody\r\n.`), 250);
      s.destroy();
    };
    const stale = `${(Date.now() - 2 * 3_600_000).toString(36)}-stale`;
    const recent = newProbeToken();
    await send(stale);
    await send(recent);
    expect(await takeByToken(at(engine.ports.pop3), box, newProbeToken(), TIMEOUT)).toEqual([]);
    const left = await takeByToken(at(engine.ports.pop3), box, recent, TIMEOUT);
    expect(left).toHaveLength(1);
    expect(await db.storedMessage.count({ where: { mailboxId: box.mailboxId } })).toBe(0);
  });
});

describe("end to end", () => {
  it("times submission → readable over POP3, and deletes the message", async () => {
    const r = await probeE2e({ submission: at(engine.ports.submission), pop3: at(engine.ports.pop3), timeoutMs: 15_000, pollMs: 100, ...box });
    expect(r).toMatchObject({ ok: true, error: null });
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(r.latencyMs).toBeLessThan(15_000);
    expect(await db.storedMessage.count({ where: { mailboxId: box.mailboxId } })).toBe(0);
  });

  it("fails in time when POP3 is down", async () => {
    const r = await probeE2e({ submission: at(engine.ports.submission), pop3: at(closedPort), timeoutMs: 1_000, pollMs: 100, ...box });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ECONNREFUSED/);
  });
});

describe("labelled samples", () => {
  const opts = () => ({ mx: at(engine.ports.mx), pop3: at(engine.ports.pop3), mailbox: box, timeoutMs: 20_000 });
  const letter = (body: string) => Buffer.from(`From: <friend@outside.test>\r\nSubject: note\r\nMessage-ID: <${Math.random()}@outside.test>\r\n\r\n${body}\r\n`);

  it("GTUBE is caught (rejected at the default policy)", async () => {
    const r = await probeLabelled(opts(), { label: "spam", source: "gtube", bytes: letter(GTUBE), from: "friend@outside.test" });
    expect(r.detail).toMatchObject({ label: "spam", source: "gtube", verdict: "rejected" });
    expect(r.ok).toBe(true);
  }, 30_000);

  it("EICAR is caught", async () => {
    const r = await probeLabelled(opts(), virusSample(null));
    expect(r.detail).toMatchObject({ label: "virus", source: "eicar" });
    expect(["rejected", "quarantined"]).toContain((r.detail as { verdict: string }).verdict);
    expect(r.ok).toBe(true);
  }, 30_000);

  it("a plain ham is delivered (ok) and deleted from the mailbox", async () => {
    const r = await probeLabelled(opts(), { label: "ham", source: "plain", bytes: letter("Lunch on Friday at noon? Regards, Li"), from: "friend@outside.test" });
    expect(r.detail).toMatchObject({ label: "ham", verdict: "delivered" });
    expect(r.ok).toBe(true);
    const left = await db.storedMessage.findMany({ where: { mailboxId: box.mailboxId }, select: { message: { select: { subject: true } } } });
    expect(left.map((m) => m.message.subject)).not.toContain("note");
  }, 30_000);

  it("a quarantined spam is found in the quarantine and removed", async () => {
    await db.spamPolicy.create({ data: { tenantId: box.tenantId, addHeaderScore: 5, quarantineScore: 8, rejectScore: 40, virusAction: "reject", updatedAt: new Date() } });
    try {
      // The engine caches policies for MAIL_CACHE_SECONDS.
      await new Promise((r) => setTimeout(r, 5_500));
      const r = await probeLabelled(opts(), { label: "spam", source: "gtube", bytes: letter(GTUBE), from: "friend@outside.test" });
      expect(r.detail).toMatchObject({ verdict: "quarantined" });
      expect(r.ok).toBe(true);
      expect(await db.quarantineItem.count({ where: { mailboxId: box.mailboxId } })).toBe(0);
    } finally {
      await db.spamPolicy.delete({ where: { tenantId: box.tenantId } });
    }
  }, 40_000);
});

// Last: the engine caches the deleted mailbox for MAIL_CACHE_SECONDS, so mail to the new one
// would get 451 for a few seconds.
describe("a probe mailbox deleted by someone", () => {
  it("is re-provisioned with an operator alert, and the run writes no sample", async () => {
    const writer = createSampleWriter({ flushSeconds: 600 });
    try {
      await db.mailAddress.deleteMany({ where: { mailboxId: box.mailboxId } });
      await db.mailbox.delete({ where: { id: box.mailboxId } });
      const target = at(engine.ports.submission);
      const recorded = await recordRun(writer, "test", { probe: "submission", target: "sub", run: () => probeSubmission(target, { timeoutMs: TIMEOUT, ...box }) });
      expect(recorded).toBeNull();
      expect(writer.pending()).toBe(0);
      const alert = await db.operatorAlert.findFirstOrThrow({ where: { kind: PROBE_MAILBOX_ALERT } });
      expect(alert.message).toMatch(/re-provisioned \(mailbox created/);
      box = await ensureProbeMailbox();
      expect(box.repaired).toEqual([]);
      // A real failure (nothing listens) is recorded as one.
      const down = await recordRun(writer, "test", { probe: "pop3", target: "down", run: () => probePop3(at(closedPort), { timeoutMs: TIMEOUT, ...box }) });
      expect(down?.ok).toBe(false);
      expect(writer.pending()).toBe(1);
    } finally {
      await writer.close();
    }
  });
});
