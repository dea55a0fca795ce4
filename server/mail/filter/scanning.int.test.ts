import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { createMailbox, createMailTenant, MAIL_PASSWORD } from "../mail-test-fixtures";
import { storeRoot } from "../paths";
import { expectCode, openSession, startTestEngine } from "../smtp/smtp-test-helpers";
import { registerFilterHooks } from "./register-filters";
import type { FilterOptions } from "./filter-hook";
import { createScanGate } from "./scan-gate";

// rspamd and clamd (the real services npm start runs) on both listeners. The engine starts with
// MAIL_FILTERS=off and the test registers the filters itself, so a test can point a scanner at
// a closed port through registerFilterHooks' options.

const GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const CLOSED = "127.0.0.1:9"; // discard port: nothing listens there

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let removeFilters: () => void = () => {};
type Box = { id: string; address: string; tenantId: string };
let plain: Box; // default policy
let lenient: Box; // thresholds 30 / 45 / 60, viruses quarantined: GTUBE (30) only gets the header
let hold: Box; // thresholds 5 / 8 / 40: GTUBE (30) is quarantined

const useFilters = (opts: FilterOptions = {}) => {
  removeFilters();
  removeFilters = registerFilterHooks(opts);
};

beforeAll(async () => {
  process.env.MAIL_FILTERS = "off";
  engine = await startTestEngine();
  const [a, b, c] = await Promise.all([createMailTenant(), createMailTenant(), createMailTenant()]);
  plain = await createMailbox(a!);
  lenient = await createMailbox(b!);
  hold = await createMailbox(c!);
  const updatedAt = clock.now();
  await db.spamPolicy.create({ data: { tenantId: lenient.tenantId, addHeaderScore: 30, quarantineScore: 45, rejectScore: 60, virusAction: "quarantine", updatedAt } });
  await db.spamPolicy.create({ data: { tenantId: hold.tenantId, addHeaderScore: 5, quarantineScore: 8, rejectScore: 40, virusAction: "reject", updatedAt } });
});
afterEach(() => useFilters());
afterAll(async () => {
  removeFilters();
  delete process.env.MAIL_FILTERS;
  await engine?.cleanup();
});

function letter(body: string, extra: string[] = []): string {
  return [`From: Friend <friend@outside.test>`, `To: <you@example.test>`, `Subject: note`, `Date: ${new Date().toUTCString()}`, `Message-ID: <${Math.random().toString(36).slice(2)}@outside.test>`, ...extra, "", body, ""].join("\r\n");
}

function withAttachment(content: string): string {
  return letter(
    ["--XX", "Content-Type: text/plain", "", "see attached", "--XX", "Content-Type: application/octet-stream; name=eicar.com", "Content-Transfer-Encoding: base64", "", Buffer.from(content).toString("base64"), "--XX--"].join("\r\n"),
    ["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="XX"'],
  );
}

async function send(rcpts: string[], data: string, opts: { port?: number; auth?: { user: string; pass: string }; mailFrom?: string } = {}): Promise<string> {
  const c = await openSession(opts.port ?? engine.ports.mx, opts.auth);
  await expectCode(c.cmd(`MAIL FROM:<${opts.mailFrom ?? "friend@outside.test"}>`), 250);
  for (const r of rcpts) await expectCode(c.cmd(`RCPT TO:<${r}>`), 250);
  await expectCode(c.cmd("DATA"), 354);
  const reply = await c.cmd(`${data}.`);
  await c.cmd("QUIT");
  return reply;
}

const queuedId = (reply: string) => /queued as ([0-9A-Z]{26})/.exec(reply)?.[1] ?? null;
async function stored(id: string, mailboxId: string): Promise<string | null> {
  const row = await db.storedMessage.findFirst({ where: { messageId: id, mailboxId } });
  return row ? readFile(path.join(storeRoot(), row.path), "latin1") : null;
}

beforeAll(() => useFilters());

describe("spam and virus scanning on the MX", () => {
  it("delivers clean mail with X-Spam-Score, X-Spam-Status: No and X-Virus-Scanned", async () => {
    const id = queuedId(await send([plain.address], letter("Lunch tomorrow at noon? The usual place.")));
    expect(id).toBeTruthy();
    const bytes = (await stored(id!, plain.id))!;
    expect(bytes).toMatch(/^X-Spam-Score: -?\d+\.\d\r\n/m);
    expect(bytes).toMatch(/^X-Spam-Status: No, score=-?\d+\.\d required=12\.0\r\n/m);
    expect(bytes).toMatch(/^X-Virus-Scanned: ClamAV \(Mailstead\)\r\n/m);
    expect(bytes).not.toMatch(/^X-Spam: Yes/m);
  });

  it("refuses GTUBE under the default policy (550 5.7.1 with the score) and stores nothing", async () => {
    const before = await db.mailMessage.count();
    const reply = await send([plain.address], letter(GTUBE));
    expect(reply).toMatch(/^550 5\.7\.1 Message rejected as spam: score 30\.0/);
    expect(await db.mailMessage.count()).toBe(before);
  });

  it("quarantines GTUBE for a tenant whose reject threshold is higher", async () => {
    const id = queuedId(await send([hold.address], letter(GTUBE)));
    expect(id).toBeTruthy();
    const held = await db.quarantineItem.findMany({ where: { messageId: id! } });
    expect(held.map((h) => [h.mailboxId, h.kind, h.score])).toEqual([[hold.id, "spam", 30]]);
    expect(JSON.stringify(held[0]!.reasons)).toContain("GTUBE");
    expect(await stored(id!, hold.id)).toBeNull();
  });

  it("honours each tenant's thresholds on one message: held for one, delivered (marked) to the other", async () => {
    const id = queuedId(await send([plain.address, lenient.address], letter(GTUBE)));
    expect(id).toBeTruthy();
    expect((await db.quarantineItem.findMany({ where: { messageId: id! } })).map((h) => h.mailboxId)).toEqual([plain.id]);
    const bytes = await stored(id!, lenient.id);
    expect(bytes).toMatch(/^X-Spam: Yes\r\n/m); // the lowest add-header threshold (the default's 12) decides shared headers
    expect(await stored(id!, plain.id)).toBeNull();
  });

  it("refuses EICAR with 554 5.7.1 naming the signature", async () => {
    const reply = await send([plain.address], withAttachment(EICAR));
    expect(reply).toMatch(/^554 5\.7\.1 Message rejected: virus found \(.*EICAR.*\)/i);
  });

  it("quarantines a virus (kind virus) for a tenant whose virus action is quarantine", async () => {
    const id = queuedId(await send([lenient.address], withAttachment(EICAR)));
    expect(id).toBeTruthy();
    const held = await db.quarantineItem.findMany({ where: { messageId: id! } });
    expect(held.map((h) => [h.mailboxId, h.kind])).toEqual([[lenient.id, "virus"]]);
  });

  it("scans and accepts a message with a broken MIME structure", async () => {
    const broken = [
      "From: <friend@outside.test>",
      "Subject: =?utf-8?B?broken",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="never-closed"',
      "Content-Transfer-Encoding: base64",
      "",
      "--never-closed",
      "Content-Type: text/html; charset=unknown-8bit",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "=ZZ=4<b>half a tag =\r\n\u00ff\u00fe",
      "--never-closed",
      "Content-Type: application/octet-stream",
      "Content-Transfer-Encoding: base64",
      "",
      "!!!not base64!!!",
      "",
    ].join("\r\n");
    // rspamd scores the breakage high (13.1 when written; the default policy would hold it), so
    // it goes to the lenient tenant: the point is that both scanners read it and it is taken.
    const id = queuedId(await send([lenient.address], broken));
    expect(id).toBeTruthy();
    const bytes = (await stored(id!, lenient.id))!;
    expect(bytes).toMatch(/^X-Spam-Score: \d+\.\d\r\n/m);
    expect(bytes).toMatch(/^X-Virus-Scanned: ClamAV/m);
  });

  it("answers 451 4.7.1 and stores nothing when rspamd is down", async () => {
    useFilters({ rspamdUrl: `http://${CLOSED}` });
    const before = await db.mailMessage.count();
    expect(await send([plain.address], letter("Hello."))).toMatch(/^451 4\.7\.1 Message scanning temporarily unavailable/);
    expect(await db.mailMessage.count()).toBe(before);
  });

  it("answers 451 4.3.2 and stores nothing when the message waited too long for a scanning slot", async () => {
    const gate = createScanGate(1, 100);
    useFilters({ gate });
    let release = () => {};
    const busy = gate.run(() => new Promise<void>((r) => (release = r))); // the one slot, held
    const before = await db.mailMessage.count();
    expect(await send([plain.address], letter("Hello."))).toMatch(/^451 4\.3\.2 Too many messages waiting to be scanned/);
    expect(await db.mailMessage.count()).toBe(before);
    release();
    await busy;
    // The slot free again, the next message is scanned and delivered.
    expect(await send([plain.address], letter("Hello again."))).toMatch(/^250 /);
  });

  it("answers 451 4.7.1 and stores nothing when clamd is down", async () => {
    useFilters({ clamd: { host: "127.0.0.1", port: 9 } });
    const before = await db.mailMessage.count();
    expect(await send([plain.address], letter("Hello."))).toMatch(/^451 4\.7\.1 /);
    expect(await db.mailMessage.count()).toBe(before);
  });
});

describe("scanning on submission", () => {
  const auth = () => ({ user: plain.address, pass: MAIL_PASSWORD });

  it("refuses outbound spam with 550 5.7.1 and counts it against the sender's mailbox", async () => {
    const reply = await send([lenient.address], letter(GTUBE), { port: engine.ports.submission, auth: auth(), mailFrom: plain.address });
    expect(reply).toMatch(/^550 5\.7\.1 Message not sent: it looks like spam/);
    await expect.poll(() => db.outboundSpamHit.count({ where: { mailboxId: plain.id } })).toBe(1);
  });

  it("refuses an outbound virus with 554 5.7.1, even to a tenant that quarantines viruses", async () => {
    const reply = await send([lenient.address], withAttachment(EICAR), { port: engine.ports.submission, auth: auth(), mailFrom: plain.address });
    expect(reply).toMatch(/^554 5\.7\.1 /);
  });

  it("sends clean mail, without authentication checks (those are for the MX)", async () => {
    const id = queuedId(await send([lenient.address], letter("Minutes of today's meeting attached below."), { port: engine.ports.submission, auth: auth(), mailFrom: plain.address }));
    expect(id).toBeTruthy();
    const bytes = (await stored(id!, lenient.id))!;
    expect(bytes).toMatch(/^X-Virus-Scanned: ClamAV/m);
    expect(bytes).not.toMatch(/^Authentication-Results:/m);
  });
});
