import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { clearMailLoginCache } from "../auth/verify-mail-login";
import { createMailbox, createMailTenant, MAIL_PASSWORD, type MailTenant } from "../mail-test-fixtures";
import { RawPop3 } from "../pop3/pop3-test-helpers";
import { expectCode, message, openSession, startTestEngine } from "../smtp/smtp-test-helpers";
import { recordOutboundSpam } from "./record-outbound-spam";

// Issue 8 §8 end to end on a real engine: a mailbox whose sending is suspended is refused at
// MAIL FROM on submission with 550 5.7.1, also in a session it opened before the suspension,
// while it still receives mail and reads it over POP3. The filters are off here: the abuse
// limit is fed by recordOutboundSpam directly (the filter hook's own tests cover the scan).

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let t: MailTenant;
const SUSPENDED = /^550 5\.7\.1 Sending suspended for spam; contact your administrator/;

beforeAll(async () => {
  process.env.MAIL_FILTERS = "off";
  process.env.ABUSE_SPAM_PER_HOUR = "2";
  process.env.SMTP_URL = "smtp://127.0.0.1:1"; // no operator e-mail in this file
  resetEnvCache();
  engine = await startTestEngine();
  t = await createMailTenant();
});
afterAll(async () => engine?.cleanup());

const spam = (box: { id: string; tenantId: string }) => recordOutboundSpam({ mailboxId: box.id, tenantId: box.tenantId, messageId: null, score: 20, symbols: ["GTUBE"] });

describe("a suspended mailbox on submission", () => {
  it("is refused at MAIL FROM once the abuse limit is reached, in a session opened before it", async () => {
    const spammer = await createMailbox(t);
    const colleague = await createMailbox(t);
    clearMailLoginCache();
    const c = await openSession(engine.ports.submissions, { user: spammer.address, pass: MAIL_PASSWORD, implicitTls: true });
    await expectCode(c.cmd(`MAIL FROM:<${spammer.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${colleague.address}>`), 250);
    await expectCode(c.cmd("DATA"), 354);
    await expectCode(c.cmd(`${message({ from: spammer.address, to: colleague.address })}.`), 250);

    expect(await spam(spammer)).toEqual({ suspended: false });
    await expectCode(c.cmd(`MAIL FROM:<${spammer.address}>`), 250);
    await expectCode(c.cmd("RSET"), 250);
    expect(await spam(spammer)).toEqual({ suspended: true });

    // Same session, next transaction: refused, and the session stays usable for QUIT.
    expect(await c.cmd(`MAIL FROM:<${spammer.address}>`)).toMatch(SUSPENDED);
    expect(await c.cmd(`RCPT TO:<${colleague.address}>`)).toMatch(/^503 /);
    c.destroy();

    // A new session authenticates (the password is still right) but cannot send either.
    const d = await openSession(engine.ports.submission, { user: spammer.address, pass: MAIL_PASSWORD });
    expect(await d.cmd(`MAIL FROM:<${spammer.address}>`)).toMatch(SUSPENDED);
    d.destroy();
  });

  it("is refused when a transaction already open gets to its next RCPT TO", async () => {
    const box = await createMailbox(t);
    const other = await createMailbox(t);
    const c = await openSession(engine.ports.submissions, { user: box.address, pass: MAIL_PASSWORD, implicitTls: true });
    await expectCode(c.cmd(`MAIL FROM:<${box.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${other.address}>`), 250);
    await db.mailbox.update({ where: { id: box.id }, data: { sendingSuspendedAt: new Date(), sendingSuspendedReason: "test" } });
    expect(await c.cmd(`RCPT TO:<${box.address}>`)).toMatch(SUSPENDED);
    c.destroy();
  });

  it("still receives mail (submission from a colleague) and reads it over POP3", async () => {
    const suspended = await createMailbox(t);
    const colleague = await createMailbox(t);
    await db.mailbox.update({ where: { id: suspended.id }, data: { sendingSuspendedAt: new Date(), sendingSuspendedReason: "test" } });

    const c = await openSession(engine.ports.submissions, { user: colleague.address, pass: MAIL_PASSWORD, implicitTls: true });
    await expectCode(c.cmd(`MAIL FROM:<${colleague.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${suspended.address}>`), 250);
    await expectCode(c.cmd("DATA"), 354);
    await expectCode(c.cmd(`${message({ from: colleague.address, to: suspended.address, subject: "still arrives" })}.`), 250);
    c.destroy();

    const mx = await openSession(engine.ports.mx);
    await expectCode(mx.cmd("MAIL FROM:<someone@outside.example>"), 250);
    await expectCode(mx.cmd(`RCPT TO:<${suspended.address}>`), 250);
    await expectCode(mx.cmd("DATA"), 354);
    await expectCode(mx.cmd(`${message({ from: "someone@outside.example", to: suspended.address, subject: "from outside" })}.`), 250);
    mx.destroy();
    expect(await db.storedMessage.count({ where: { mailboxId: suspended.id } })).toBe(2);

    const pop = await RawPop3.connect(engine.ports.pop3s, true);
    expect(await pop.line()).toMatch(/^\+OK/);
    expect(await pop.login(suspended.address, MAIL_PASSWORD)).toMatch(/^\+OK/);
    expect(await pop.command("STAT")).toMatch(/^\+OK 2 /);
    await pop.command("QUIT");
    pop.destroy();
  });

  it("sends again once the suspension is lifted (fields cleared)", async () => {
    const box = await createMailbox(t);
    await db.mailbox.update({ where: { id: box.id }, data: { sendingSuspendedAt: new Date(), sendingSuspendedReason: "test" } });
    const c = await openSession(engine.ports.submissions, { user: box.address, pass: MAIL_PASSWORD, implicitTls: true });
    expect(await c.cmd(`MAIL FROM:<${box.address}>`)).toMatch(SUSPENDED);
    await db.mailbox.update({ where: { id: box.id }, data: { sendingSuspendedAt: null, sendingSuspendedReason: null } });
    await expectCode(c.cmd(`MAIL FROM:<${box.address}>`), 250);
    c.destroy();
  });
});
