import { generateKeyPairSync } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { dkimSign } from "mailauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSandboxZone } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { db } from "@/server/shared/db";
import { createMailbox, createMailTenant, uniqueDomainName } from "../mail-test-fixtures";
import { mailHostname, storeRoot } from "../paths";
import { expectCode, openSession, startTestEngine } from "../smtp/smtp-test-helpers";

// SPF/DKIM/DMARC on the MX listener end to end: the engine registers the filters itself
// (MAIL_FILTERS defaults to on), the test publishes the sender domains' records in the test
// engine's own DNS sandbox, and mail arrives from 127.0.0.1 — outside every SPF record here.

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let box: { id: string; address: string };
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const dkimKey = publicKey.export({ type: "spki", format: "der" }).toString("base64");

/** A sender domain whose SPF allows only 192.0.2.1, with the given DMARC policy and a DKIM key at s1. */
async function senderDomain(policy: "reject" | "quarantine" | "none"): Promise<string> {
  const domain = uniqueDomainName();
  const chunks = `v=DKIM1; k=rsa; p=${dkimKey}`.match(/.{1,250}/g)!;
  await setSandboxZone(domain, [
    sandbox.txt(domain, "v=spf1 ip4:192.0.2.1 -all"),
    sandbox.txt(`_dmarc.${domain}`, `v=DMARC1; p=${policy}`),
    sandbox.txt(`s1._domainkey.${domain}`, ...chunks),
  ]);
  await engine.dns.reload();
  return domain;
}

function letter(from: string, to: string, subject: string): string {
  return [`From: Sender <${from}>`, `To: <${to}>`, `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`, `Message-ID: <${Math.random().toString(36).slice(2)}@sender.test>`, "", "Hello, this is a plain note about tomorrow's meeting.", ""].join("\r\n");
}

async function send(mailFrom: string, data: string): Promise<string> {
  const c = await openSession(engine.ports.mx);
  await expectCode(c.cmd(`MAIL FROM:<${mailFrom}>`), 250);
  await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
  await expectCode(c.cmd("DATA"), 354);
  const reply = await c.cmd(`${data}.`);
  await c.cmd("QUIT");
  return reply;
}

const queuedId = (reply: string) => /queued as ([0-9A-Z]{26})/.exec(reply)?.[1] ?? null;

async function storedBytes(id: string): Promise<string> {
  const row = await db.storedMessage.findFirstOrThrow({ where: { messageId: id, mailboxId: box.id } });
  return readFile(path.join(storeRoot(), row.path), "latin1");
}

beforeAll(async () => {
  engine = await startTestEngine();
  const t = await createMailTenant();
  box = await createMailbox(t);
});
afterAll(async () => engine?.cleanup());

describe("inbound authentication (MX)", () => {
  it("refuses a DMARC p=reject failure with 550 5.7.1 naming the domain", async () => {
    const domain = await senderDomain("reject");
    const reply = await send(`news@${domain}`, letter(`news@${domain}`, box.address, "forged"));
    expect(reply).toMatch(/^550 5\.7\.1 /);
    expect(reply).toContain(domain);
    expect(reply).toContain("DMARC");
  });

  it("quarantines a DMARC p=quarantine failure: a QuarantineItem, no mailbox copy", async () => {
    const domain = await senderDomain("quarantine");
    const reply = await send(`news@${domain}`, letter(`news@${domain}`, box.address, "doubtful"));
    const id = queuedId(reply);
    expect(id, reply).toBeTruthy();
    const held = await db.quarantineItem.findMany({ where: { messageId: id! } });
    expect(held.map((h) => [h.mailboxId, h.kind])).toEqual([[box.id, "dmarc"]]);
    expect(await db.storedMessage.count({ where: { messageId: id! } })).toBe(0);
  });

  it("passes a DKIM-signed message (dkim=pass, dmarc=pass) even though SPF fails, with Authentication-Results by our host", async () => {
    const domain = await senderDomain("reject");
    const plain = letter(`news@${domain}`, box.address, "signed");
    const signed = await dkimSign(plain, { signatureData: [{ signingDomain: domain, selector: "s1", privateKey: privateKey.export({ type: "pkcs8", format: "pem" }) }] } as never);
    expect(signed.errors).toEqual([]);
    const reply = await send(`news@${domain}`, signed.signatures + plain);
    const id = queuedId(reply);
    expect(id, reply).toBeTruthy();
    const bytes = await storedBytes(id!);
    const ar = /^Authentication-Results: (.*)$/m.exec(bytes)?.[1] ?? "";
    expect(ar.startsWith(`${mailHostname()}; `), ar).toBe(true);
    expect(ar).toContain(`dkim=pass header.i=@${domain} header.s=s1`);
    expect(ar).toMatch(/spf=fail/);
    expect(ar).toMatch(/dmarc=pass/);
    expect(bytes).toMatch(/^Received-SPF: fail /m);
  });

  it("delivers mail from a domain without records (spf=none, dmarc=none)", async () => {
    const reply = await send("someone@nowhere-at-all.test", letter("someone@nowhere-at-all.test", box.address, "hi"));
    const id = queuedId(reply);
    expect(id, reply).toBeTruthy();
    const bytes = await storedBytes(id!);
    expect(bytes).toMatch(/^Authentication-Results: .*spf=none.*dmarc=none/m);
  });

  it("drops a forged Authentication-Results under our own authserv-id and keeps another host's", async () => {
    const forged = `Authentication-Results: ${mailHostname()};\r\n\tdkim=pass header.d=bank.example; dmarc=pass\r\nAuthentication-Results: mx.elsewhere.example; spf=pass\r\n`;
    const reply = await send("someone@nowhere-at-all.test", forged + letter("someone@nowhere-at-all.test", box.address, "forged results"));
    const id = queuedId(reply);
    expect(id, reply).toBeTruthy();
    const bytes = await storedBytes(id!);
    const ours = bytes.match(new RegExp(`^Authentication-Results: ${mailHostname().replace(/\./g, "\\.")};`, "gm")) ?? [];
    expect(ours).toHaveLength(1);
    expect(bytes).not.toContain("header.d=bank.example");
    expect(bytes).toContain("Authentication-Results: mx.elsewhere.example; spf=pass");
  });

  it("does not bounce when DNS fails: the message is delivered with temperror in the header", async () => {
    // Point the checks at a resolver that never answers: SPF and DMARC lookups time out.
    const saved = process.env.DNS_RESOLVERS;
    const savedTimeout = process.env.DNS_TIMEOUT_MS;
    const { resetEnvCache } = await import("@/server/shared/env");
    process.env.DNS_RESOLVERS = "127.0.0.1:9";
    process.env.DNS_TIMEOUT_MS = "200";
    resetEnvCache();
    try {
      const reply = await send("someone@dns-down.test", letter("someone@dns-down.test", box.address, "dns down"));
      const id = queuedId(reply);
      expect(id, reply).toBeTruthy();
      expect(await storedBytes(id!)).toMatch(/^Authentication-Results: .*spf=temperror.*dmarc=temperror/m);
    } finally {
      process.env.DNS_RESOLVERS = saved;
      if (savedTimeout === undefined) delete process.env.DNS_TIMEOUT_MS;
      else process.env.DNS_TIMEOUT_MS = savedTimeout;
      resetEnvCache();
    }
  });
});
