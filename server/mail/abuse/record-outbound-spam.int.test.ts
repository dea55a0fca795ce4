import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { closeMailer } from "@/server/shared/mailer";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import { createMailbox, createMailTenant } from "../mail-test-fixtures";
import { OUTBOUND_SPAM_ALERT, recordOutboundSpam } from "./record-outbound-spam";

let sink: SmtpSink;
let restoreClock: (() => void) | null = null;
const t0 = new Date("2026-11-27T08:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const pin = (d: Date) => {
  restoreClock?.();
  restoreClock = setClock(d);
};

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.ABUSE_SPAM_PER_HOUR = "3";
  resetEnvCache();
  await db.user.createMany({
    data: [
      { email: "ops1@mailstead.test", name: "Ops 1", passwordHash: "x", role: "operator" },
      { email: "ops2@mailstead.test", name: "Ops 2", passwordHash: "x", role: "operator" },
      { email: "ops-gone@mailstead.test", name: "Ops gone", passwordHash: "x", role: "operator", status: "disabled" },
    ],
  });
});

afterEach(() => {
  restoreClock?.();
  restoreClock = null;
  sink.messages.length = 0;
});

afterAll(async () => {
  closeMailer();
  await sink.close();
});

async function sender() {
  const t = await createMailTenant();
  const box = await createMailbox(t);
  const hit = (score = 12, messageId: string | null = null) =>
    recordOutboundSpam({ mailboxId: box.id, tenantId: t.tenant.id, messageId, score, symbols: ["BAYES_SPAM", "MISSING_DATE"] });
  const state = async () => {
    const m = await db.mailbox.findUniqueOrThrow({ where: { id: box.id }, select: { sendingSuspendedAt: true, sendingSuspendedReason: true } });
    const alerts = await db.operatorAlert.findMany({ where: { mailboxId: box.id } });
    const hits = await db.outboundSpamHit.count({ where: { mailboxId: box.id } });
    return { ...m, alerts, hits };
  };
  return { t, box, hit, state };
}

describe("recordOutboundSpam (limit 3 an hour)", () => {
  it("records each hit; N−1 hits leave sending alone, the Nth suspends once, alerts and e-mails the operators", async () => {
    const s = await sender();
    pin(at(0));
    expect(await s.hit(9, "01JDQ0000000000000000000A1")).toEqual({ suspended: false });
    pin(at(10));
    expect(await s.hit()).toEqual({ suspended: false });
    expect(await s.state()).toMatchObject({ sendingSuspendedAt: null, alerts: [], hits: 2 });

    pin(at(20));
    expect(await s.hit(15.5)).toEqual({ suspended: true });
    const after = await s.state();
    expect(after.sendingSuspendedAt).toEqual(at(20));
    expect(after.sendingSuspendedReason).toBe("Outbound spam: 3 messages scored as spam within an hour (limit 3)");
    expect(after.alerts).toHaveLength(1);
    const alert = after.alerts[0]!;
    expect(alert).toMatchObject({ kind: OUTBOUND_SPAM_ALERT, tenantId: s.t.tenant.id, mailboxId: s.box.id, createdAt: at(20), acknowledgedAt: null });
    expect(alert.message).toContain(s.box.address);
    expect(alert.details).toMatchObject({ address: s.box.address, hits: 3, limit: 3, lastScore: 15.5, symbols: ["BAYES_SPAM", "MISSING_DATE"] });
    expect((alert.details as { recent: unknown[] }).recent).toHaveLength(3);

    // The e-mail goes to every active operator, not to a disabled one.
    await sink.waitFor(1);
    const mail = sink.messages.find((m) => m.subject.endsWith(s.box.address));
    expect(mail!.to.sort()).toEqual(["ops1@mailstead.test", "ops2@mailstead.test"]);
    expect(mail!.subject).toBe(`[Mailstead] Sending suspended: ${s.box.address}`);
    expect(mail!.text).toContain(alert.id);

    // A 4th hit while suspended is recorded, keeps the suspension and raises nothing new.
    pin(at(25));
    expect(await s.hit()).toEqual({ suspended: true });
    const later = await s.state();
    expect(later).toMatchObject({ sendingSuspendedAt: at(20), hits: 4 });
    expect(later.alerts).toHaveLength(1);
  });

  it("counts only the last hour: hits older than an hour do not add up", async () => {
    const s = await sender();
    pin(at(0));
    await s.hit();
    pin(at(30));
    await s.hit();
    // One hour and a millisecond after the first: it no longer counts; two in the window.
    pin(new Date(at(60).getTime() + 1));
    expect(await s.hit()).toEqual({ suspended: false });
    expect((await s.state()).sendingSuspendedAt).toBeNull();
    // The next one within the hour of the second makes three.
    pin(at(80));
    expect(await s.hit()).toEqual({ suspended: true });
  });

  it("suspends once and writes one alert when several hits arrive at the same time", async () => {
    const s = await sender();
    pin(at(0));
    const results = await Promise.all(Array.from({ length: 8 }, () => s.hit()));
    // The last of the parallel calls to commit its hit sees all of them: at least that one says suspended.
    expect(results.some((r) => r.suspended)).toBe(true);
    const state = await s.state();
    expect(state.hits).toBe(8);
    expect(state.sendingSuspendedAt).toEqual(at(0));
    expect(state.alerts).toHaveLength(1);
    // Give a stray second e-mail the time to arrive, then check there was none (other tests'
    // e-mails may still be arriving: count this mailbox's only).
    const mine = () => sink.messages.filter((m) => m.subject.endsWith(s.box.address));
    for (let i = 0; i < 50 && mine().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(mine()).toHaveLength(1);
  });

  it("keeps mailboxes apart: another mailbox's hits do not count", async () => {
    const a = await sender();
    const b = await sender();
    pin(at(0));
    await a.hit();
    await a.hit();
    expect(await b.hit()).toEqual({ suspended: false });
    expect((await b.state()).sendingSuspendedAt).toBeNull();
  });

  it("ignores an unknown mailbox and a malformed message id or score without failing", async () => {
    pin(at(0));
    expect(await recordOutboundSpam({ mailboxId: "no-such-mailbox", tenantId: "t", messageId: null, score: 20, symbols: [] })).toEqual({ suspended: false });
    expect(await db.outboundSpamHit.count({ where: { mailboxId: "no-such-mailbox" } })).toBe(0);
    const s = await sender();
    expect(await s.hit(Number.NaN, "not-a-ulid")).toEqual({ suspended: false });
    const row = await db.outboundSpamHit.findFirstOrThrow({ where: { mailboxId: s.box.id } });
    expect(row).toMatchObject({ messageId: null, score: 0 });
  });

  it("still suspends when no operator can be e-mailed (the mail server is down)", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    try {
      const s = await sender();
      pin(at(0));
      await s.hit();
      await s.hit();
      const started = Date.now();
      expect(await s.hit()).toEqual({ suspended: true });
      // The engine's reply does not wait for the e-mail.
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await s.state()).alerts).toHaveLength(1);
    } finally {
      process.env.SMTP_URL = sink.url;
      resetEnvCache();
    }
  });
});
