import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { closeStorePool } from "@/server/mail/store/store-db";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { deliverOutboxItem } from "./deliver-outbox-item";
import { closeDomainSlots } from "./domain-slots";
import { dispatchMessages, enqueueOutbound } from "./enqueue-outbound";
import { queueOutbound, setEnv, startRemoteMx, type RemoteMx, type Reply } from "./outbound-test-helpers";
import { sweepOutbox } from "./sweep-outbox";

// One attempt at a time, through the job handler, against real DNS (the sandbox on port 0) and a
// real remote exchange (smtp-server on port 0, reached as OUTBOUND_SMTP_PORT on 127.0.0.1).

const MIN = 60_000;
let dns: SandboxServer;
let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
type Box = Awaited<ReturnType<typeof createMailbox>>;
let alice: Box;
const sinks: RemoteMx[] = [];
let restoreClock: (() => void) | null = null;

beforeAll(async () => {
  scratch = await scratchDataDir();
  dns = await startSandboxServer({ port: 0, pollMs: 60_000 });
  setEnv({ DNS_RESOLVERS: `127.0.0.1:${dns.port}`, DNS_TIMEOUT_MS: 1000, OUTBOUND_TIMEOUT_SECONDS: 5, MAIL_HOSTNAME: "mx.mailstead.test" });
  const t = await createMailTenant();
  alice = await createMailbox(t);
});

afterEach(async () => {
  restoreClock?.();
  restoreClock = null;
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await dns?.close();
  await closeDomainSlots();
  await closeStorePool();
  await scratch?.cleanup();
});

/** A remote domain whose MX (or, with `implicit`, the domain itself) is 127.0.0.1, served by a new exchange. */
async function remoteDomain(opts: { script?: Reply[]; implicit?: boolean; delayMs?: number } = {}) {
  const domain = `r${randomUUID().slice(0, 8)}.example`;
  const mx = await startRemoteMx({ script: opts.script, delayMs: opts.delayMs });
  sinks.push(mx);
  setEnv({ OUTBOUND_SMTP_PORT: mx.port });
  await publishToSandbox(opts.implicit ? [sandbox.a(domain, "127.0.0.1")] : [sandbox.mx(domain, 10, `mx.${domain}`), sandbox.a(`mx.${domain}`, "127.0.0.1")]);
  await dns.reload();
  return { domain, mx, rcpt: `bob@${domain}` };
}

/** Moves "now" forward by `ms` (the clock keeps running). */
function advance(ms: number) {
  restoreClock?.();
  restoreClock = setClock(() => new Date(Date.now() + ms));
}

const row = (id: bigint) => db.outboxItem.findUniqueOrThrow({ where: { id } });
const attempts = (id: bigint) => db.deliveryAttempt.findMany({ where: { outboxItemId: id }, orderBy: { id: "asc" } });
const logLine = (messageId: string, recipient: string) => db.messageEvent.findFirstOrThrow({ where: { messageId, recipient, direction: "outbound" } });
const dsnsTo = async (box: Box) =>
  db.storedMessage.findMany({ where: { mailboxId: box.id }, include: { message: true } }).then((rows) => rows.filter((r) => r.message.mailFrom === ""));
const dsnText = async (p: string) => (await readFile(path.join(storeRoot(), p))).toString("utf8");

describe("delivery of one outbox row", () => {
  it("relays to the MX over STARTTLS, records the attempt and moves the log line to relayed", async () => {
    const { mx, rcpt, domain } = await remoteDomain();
    const { msg, rows } = await queueOutbound(alice, [rcpt]);
    expect(rows).toHaveLength(1);
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("relayed");

    expect(mx.messages).toHaveLength(1);
    expect(mx.messages[0]).toMatchObject({ from: alice.address, to: [rcpt], secure: true, messageId: `<${msg.id}@outside.example>` });
    expect(await row(rows[0]!.id)).toMatchObject({ status: "relayed", attempts: 1, leaseUntil: null, lastError: null });
    const [a] = await attempts(rows[0]!.id);
    expect(a).toMatchObject({ outcome: "relayed", mxHost: `mx.${domain}`, ip: "127.0.0.1", code: 250, tls: true });
    expect(a!.durationMs).toBeGreaterThanOrEqual(0);
    const line = await logLine(msg.id, rcpt);
    expect(line.status).toBe("relayed");
    expect(line.reason).toContain(`relayed to mx.${domain} [127.0.0.1] over TLS: 250`);
    expect((line.history as { status: string }[]).map((h) => h.status)).toEqual(["received", "queued", "relayed"]);
    // A second job for the same row finds it final and does nothing.
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("not-due");
    expect(mx.messages).toHaveLength(1);
  });

  it("defers a 4xx on the schedule (1 minute), then relays at the next attempt", async () => {
    const { mx, rcpt } = await remoteDomain({ script: [{ at: "rcpt", code: 451, message: "4.7.1 Greylisted, try again later" }] });
    // Fully received 3 s before the first attempt: that attempt's start fixes the send latency.
    const { msg, rows } = await queueOutbound(alice, [rcpt], { receivedAt: new Date(Date.now() - 3000) });
    const id = rows[0]!.id;
    const before = Date.now();
    expect(await deliverOutboxItem(id)).toBe("deferred");
    const firstLatency = (await logLine(msg.id, rcpt)).latencyMs;
    expect(firstLatency).toBeGreaterThanOrEqual(3000);
    expect(firstLatency).toBeLessThan(3000 + (Date.now() - before));
    const deferred = await row(id);
    expect(deferred).toMatchObject({ status: "deferred", attempts: 1 });
    expect(deferred.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + MIN);
    expect(deferred.nextAttemptAt.getTime()).toBeLessThan(Date.now() + MIN + 1000);
    expect(deferred.lastError).toContain("451 4.7.1 Greylisted");
    expect((await attempts(id))[0]).toMatchObject({ outcome: "deferred", code: 451, enhanced: "4.7.1" });
    expect((await logLine(msg.id, rcpt)).status).toBe("deferred");

    expect(await deliverOutboxItem(id)).toBe("not-due"); // not yet
    advance(MIN + 1000);
    expect(await deliverOutboxItem(id)).toBe("relayed");
    expect(mx.messages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "relayed", attempts: 2 });
    const line = await logLine(msg.id, rcpt);
    expect((line.history as { status: string }[]).map((h) => h.status)).toEqual(["received", "queued", "deferred", "relayed"]);
    // The retry a minute later leaves the figure as the first attempt set it.
    expect(line.latencyMs).toBe(firstLatency);
  });

  it("bounces a 5xx at once and sends the local sender a DSN", async () => {
    const { mx, rcpt } = await remoteDomain({ script: [{ at: "rcpt", code: 550, message: "5.1.1 No such user here" }] });
    const before = (await dsnsTo(alice)).length;
    const { msg, rows } = await queueOutbound(alice, [rcpt]);
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("bounced");
    expect(mx.messages).toHaveLength(0);
    expect(await row(rows[0]!.id)).toMatchObject({ status: "bounced", attempts: 1 });
    expect((await attempts(rows[0]!.id))[0]).toMatchObject({ outcome: "bounced", code: 550, enhanced: "5.1.1" });
    const line = await logLine(msg.id, rcpt);
    expect(line.status).toBe("bounced");
    expect(line.reason).toContain("550 5.1.1 No such user here");
    const dsns = await dsnsTo(alice);
    expect(dsns).toHaveLength(before + 1);
    const text = await dsnText(dsns[dsns.length - 1]!.path);
    expect(text).toMatch(/multipart\/report/i);
    expect(text).toMatch(/Action: failed/i);
    expect(text).toContain(rcpt);
  });

  it("retries, never bounces, a server that takes the data and drops the connection before its 250", async () => {
    const { mx, rcpt } = await remoteDomain({ script: ["drop"] });
    const { rows } = await queueOutbound(alice, [rcpt]);
    const id = rows[0]!.id;
    expect(await deliverOutboxItem(id)).toBe("deferred");
    expect(await row(id)).toMatchObject({ status: "deferred" });
    expect((await attempts(id))[0]).toMatchObject({ outcome: "deferred", code: null });
    advance(MIN + 1000);
    expect(await deliverOutboxItem(id)).toBe("relayed");
    expect(mx.messages).toHaveLength(1);
  });

  it("defers, never bounces, when DNS does not answer", async () => {
    const { mx, rcpt } = await remoteDomain();
    setEnv({ DNS_RESOLVERS: "127.0.0.1:9", DNS_TIMEOUT_MS: 300 }); // discard port: nothing answers
    try {
      const { msg, rows } = await queueOutbound(alice, [rcpt]);
      expect(await deliverOutboxItem(rows[0]!.id)).toBe("deferred");
      expect(await row(rows[0]!.id)).toMatchObject({ status: "deferred" });
      expect((await attempts(rows[0]!.id))[0]).toMatchObject({ outcome: "deferred", mxHost: null, code: null });
      expect((await logLine(msg.id, rcpt)).reason).toMatch(/MX lookup .* failed/);
      expect(mx.transactions()).toBe(0);
    } finally {
      setEnv({ DNS_RESOLVERS: `127.0.0.1:${dns.port}`, DNS_TIMEOUT_MS: 1000 });
    }
  });

  it("falls back to the domain's A record when it has no MX", async () => {
    const { mx, rcpt, domain } = await remoteDomain({ implicit: true });
    const { rows } = await queueOutbound(alice, [rcpt]);
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("relayed");
    expect(mx.messages).toHaveLength(1);
    expect((await attempts(rows[0]!.id))[0]).toMatchObject({ mxHost: domain, ip: "127.0.0.1" });
  });

  it("bounces a domain that does not exist (5.1.2)", async () => {
    const { rows, msg } = await queueOutbound(alice, [`bob@nowhere-${randomUUID().slice(0, 8)}.example`]);
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("bounced");
    expect((await logLine(msg.id, rows[0]!.recipient)).reason).toContain("NXDOMAIN");
  });

  it.each([
    ["MX", false],
    ["own A record (no MX)", true],
  ] as const)("with OUTBOUND_PRIVATE_TARGETS=refuse, bounces 5.4.4 without dialling a domain whose %s is 127.0.0.1", async (_what, implicit) => {
    const { mx, rcpt, domain } = await remoteDomain({ implicit });
    setEnv({ OUTBOUND_PRIVATE_TARGETS: "refuse" });
    try {
      const before = (await dsnsTo(alice)).length;
      const { msg, rows } = await queueOutbound(alice, [rcpt]);
      const id = rows[0]!.id;
      expect(await deliverOutboxItem(id)).toBe("bounced");
      expect(mx.maxOpen()).toBe(0); // never even connected
      expect(mx.messages).toHaveLength(0);
      const settled = await row(id);
      expect(settled).toMatchObject({ status: "bounced", attempts: 1 });
      expect(settled.lastError).toContain(`the mail exchangers of ${domain} resolve only to private, loopback`);
      expect(settled.lastError).toContain("127.0.0.1");
      expect((await attempts(id))[0]).toMatchObject({ outcome: "bounced", mxHost: null, ip: null, code: null });
      expect((await logLine(msg.id, rcpt)).status).toBe("bounced");
      const dsns = await dsnsTo(alice);
      expect(dsns).toHaveLength(before + 1);
      expect(await dsnText(dsns[dsns.length - 1]!.path)).toMatch(/Status: 5\.4\.4/);
    } finally {
      setEnv({ OUTBOUND_PRIVATE_TARGETS: "allow" });
    }
  });

  it("gives up after five days of deferrals: bounced, with a failed DSN", async () => {
    const { mx, rcpt } = await remoteDomain({ script: Array<Reply>(5).fill({ at: "data", code: 452, message: "4.2.2 Mailbox full" }) });
    const before = (await dsnsTo(alice)).length;
    const { rows } = await queueOutbound(alice, [rcpt]);
    const id = rows[0]!.id;
    expect(await deliverOutboxItem(id)).toBe("deferred");
    advance(5 * 24 * 60 * MIN + 1000);
    expect(await deliverOutboxItem(id)).toBe("bounced");
    const settled = await row(id);
    expect(settled).toMatchObject({ status: "bounced", attempts: 2 });
    expect(settled.lastError).toContain("gave up after 2 attempts over 5 days");
    expect(mx.messages).toHaveLength(0);
    const dsns = await dsnsTo(alice);
    expect(dsns).toHaveLength(before + 1);
    expect(await dsnText(dsns[dsns.length - 1]!.path)).toMatch(/Status: 4\.4\.7/);
  });

  it("sends one delay DSN after four hours, however many sweeps run", async () => {
    const { rcpt } = await remoteDomain({ script: [{ at: "rcpt", code: 450, message: "4.2.0 Try later" }] });
    const { rows } = await queueOutbound(alice, [rcpt]);
    const id = rows[0]!.id;
    // The delay notices about this recipient in the sender's mailbox (other tests' rows may warn too).
    const delayNotices = async () => {
      const texts = await Promise.all((await dsnsTo(alice)).map((d) => dsnText(d.path)));
      return texts.filter((t) => t.includes(rcpt) && /Action: delayed/i.test(t));
    };
    expect(await deliverOutboxItem(id)).toBe("deferred");
    advance(3 * 60 * MIN);
    await sweepOutbox();
    expect((await row(id)).warnedAt).toBeNull();
    advance(4 * 60 * MIN + 1000);
    expect((await sweepOutbox()).warned).toBeGreaterThanOrEqual(1);
    const warnedAt = (await row(id)).warnedAt;
    expect(warnedAt).not.toBeNull();
    await sweepOutbox();
    expect((await row(id)).warnedAt).toEqual(warnedAt);
    const notices = await delayNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("4.2.0");
  });

  it("does not send a row whose message file is still marked unsynced", async () => {
    const { mx, rcpt } = await remoteDomain();
    const { msg, rows } = await queueOutbound(alice, [rcpt]);
    // The mark of a message the engine committed before a crash, its fsync unconfirmed.
    await db.unsyncedMessage.create({ data: { messageId: msg.id, sha256: Buffer.alloc(32), createdAt: new Date(Date.now() - 10 * MIN) } });
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("unsynced");
    expect((await sweepOutbox()).dispatched).toBe(0);
    expect(mx.transactions()).toBe(0);
    expect(await row(rows[0]!.id)).toMatchObject({ status: "queued", attempts: 0 });
    await db.unsyncedMessage.delete({ where: { messageId: msg.id } });
    expect(await deliverOutboxItem(rows[0]!.id)).toBe("relayed");
  });

  it("leaves a row another worker holds, and a row that does not exist", async () => {
    const { rcpt } = await remoteDomain();
    const { rows } = await queueOutbound(alice, [rcpt]);
    const id = rows[0]!.id;
    await db.outboxItem.update({ where: { id }, data: { status: "sending", leaseUntil: new Date(Date.now() + 10 * MIN) } });
    expect(await deliverOutboxItem(id)).toBe("not-due");
    expect(await deliverOutboxItem(BigInt(999_999_999))).toBe("gone");
  });

  it("records an attempt whose lease was taken back meanwhile, without touching the row", async () => {
    const { mx, rcpt } = await remoteDomain({ delayMs: 400 });
    const { rows } = await queueOutbound(alice, [rcpt]);
    const id = rows[0]!.id;
    const running = deliverOutboxItem(id);
    await new Promise((r) => setTimeout(r, 200));
    // As if the sweeper had taken the row back and another worker claimed it.
    const other = new Date(Date.now() + 30 * MIN);
    await db.outboxItem.update({ where: { id }, data: { leaseUntil: other } });
    expect(await running).toBe("lease-lost");
    expect(mx.messages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sending", leaseUntil: other });
    expect(await attempts(id)).toHaveLength(1);
  });

  it("bounces a recipient without a domain, and defers a message whose file is gone, without sending either", async () => {
    const { mx, rcpt } = await remoteDomain();
    const noDomain = await queueOutbound(alice, ["nobody"]);
    expect(await deliverOutboxItem(noDomain.rows[0]!.id)).toBe("bounced");
    expect((await row(noDomain.rows[0]!.id)).lastError).toContain("has no domain");

    const gone = await queueOutbound(alice, [rcpt]);
    const stored = await db.mailMessage.findUniqueOrThrow({ where: { id: gone.msg.id } });
    await rm(path.join(storeRoot(), stored.path));
    expect(await deliverOutboxItem(gone.rows[0]!.id)).toBe("deferred");
    expect(await row(gone.rows[0]!.id)).toMatchObject({ status: "deferred", attempts: 1 });
    expect((await attempts(gone.rows[0]!.id))[0]!.response).toMatch(/could not be prepared: ENOENT/);
    expect(mx.transactions()).toBe(0);
  });

  it("dispatch ignores bad input without throwing", async () => {
    expect(() => enqueueOutbound([])).not.toThrow();
    expect(() => enqueueOutbound(["not-a-message"])).not.toThrow();
    expect(await dispatchMessages(["01ARZ3NDEKTSV4RRFFQ69G5FAV"])).toBe(0);
  });
});
