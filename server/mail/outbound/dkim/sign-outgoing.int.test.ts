import { dkimVerify, type DNSResolver } from "mailauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateDkimKey } from "@/server/domains/dkim/activate-dkim-key";
import { generateDkimKey } from "@/server/domains/dkim/generate-dkim-key";
import { dkimName, dkimTxtValue, splitTxt } from "@/server/domains/rules/dkim";
import { query } from "@/server/dns/resolver";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { addTenantDomain, createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { mailHostname } from "@/server/mail/paths";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { buildDsn } from "../dsn/dsn-report";
import { clearDkimKeyCache, DKIM_KEY_CACHE_MS } from "./dkim-key-cache";
import { signOutgoing } from "./sign-outgoing";

// Signing with the keys of the DkimKey table, verified by mailauth against the key published in
// the DNS sandbox and read back with the project's own DNS client.
let sandbox: SandboxServer;
let resolver: DNSResolver;
let now = new Date();
let restoreClock: () => void;
let a: MailTenant;
let b: MailTenant;

/** A new key for `domain`, made active (the checker's step) and published in the sandbox. */
async function activeKey(domain: { id: string; name: string }, selector: string) {
  const generated = await generateDkimKey();
  const row = await db.dkimKey.create({ data: { domainId: domain.id, selector, publicKey: generated.publicKey, privateKeyEnc: generated.privateKeyEnc, status: "pending", createdAt: now } });
  await activateDkimKey(row.id);
  await publishToSandbox([{ name: dkimName(selector, domain.name), type: "TXT", data: { strings: splitTxt(dkimTxtValue(generated.publicKey)) } }]);
  await sandbox.reload();
  return row;
}

const message = (from: string, body = "Hello,\r\n\r\nthe quarterly report.\r\n") =>
  Buffer.from(`From: Zhang San <${from}>\r\nTo: bob@remote.example\r\nSubject: Report\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMessage-ID: <r1@x>\r\n\r\n${body}`);

const verify = async (bytes: Buffer) => (await dkimVerify(bytes, { resolver })).results;

beforeAll(async () => {
  restoreClock = setClock(() => now);
  sandbox = await startSandboxServer({ port: 0, pollMs: 100 });
  const at = { host: sandbox.host, port: sandbox.port };
  resolver = async (name, type) => {
    const r = await query(name, type as "TXT", at);
    if (r.outcome !== "answer") throw Object.assign(new Error(`${name} ${type}: ${r.outcome}`), { code: r.outcome === "error" ? "ESERVFAIL" : "ENOTFOUND" });
    return r.records.map((rec) => ("strings" in rec ? rec.strings : []));
  };
  [a, b] = await Promise.all([createMailTenant({ name: "Signer A" }), createMailTenant({ name: "Signer B" })]);
});

afterAll(async () => {
  restoreClock();
  await sandbox?.close();
});

describe("signOutgoing", () => {
  it("signs with the header From's domain, aligned, and mailauth verifies it through the sandbox DNS; a changed body fails", async () => {
    await activeKey(a.domain, "ms202611");
    const signed = await signOutgoing(message(`zhang@${a.domain.name}`), { mailFrom: `zhang@${a.domain.name}`, tenantId: a.tenant.id });
    expect(signed.signedBy).toBe(a.domain.name);
    const [result] = await verify(signed.bytes);
    expect(result).toMatchObject({ signingDomain: a.domain.name, selector: "ms202611", status: { result: "pass", aligned: a.domain.name } });
    const tampered = Buffer.from(signed.bytes.toString().replace("quarterly", "monthly"));
    expect((await verify(tampered))[0]!.status.result).not.toBe("pass");
  });

  it("signs with the new selector once a rotated key is active, within the cache period", async () => {
    const domain = await addTenantDomain(a.tenant.id);
    await activeKey(domain, "ms202611");
    const send = () => signOutgoing(message(`li@${domain.name}`), { mailFrom: `li@${domain.name}`, tenantId: a.tenant.id });
    expect((await verify((await send()).bytes))[0]!.selector).toBe("ms202611");
    now = new Date(now.getTime() + 1000);
    await activeKey(domain, "ms202611-2");
    expect((await verify((await send()).bytes))[0]!.selector).toBe("ms202611"); // still cached: the old key stays published and valid
    now = new Date(now.getTime() + DKIM_KEY_CACHE_MS + 1);
    const [result] = await verify((await send()).bytes);
    expect(result).toMatchObject({ selector: "ms202611-2", status: { result: "pass" } });
  });

  it("leaves a message unsigned when its domain has no active key, or is nobody's", async () => {
    const domain = await addTenantDomain(a.tenant.id);
    const generated = await generateDkimKey();
    await db.dkimKey.create({ data: { domainId: domain.id, selector: "ms202611", publicKey: generated.publicKey, privateKeyEnc: generated.privateKeyEnc, status: "pending" } });
    for (const from of [`wang@${domain.name}`, "someone@outside.example"]) {
      const bytes = message(from);
      const signed = await signOutgoing(bytes, { mailFrom: from, tenantId: a.tenant.id });
      expect(signed).toEqual({ bytes, signedBy: null });
    }
  });

  it("never signs with another tenant's domain: falls back to the envelope sender's own domain, else unsigned", async () => {
    // Another organisation's domain (uniqueDomainName's all share example.com, which DMARC's
    // relaxed alignment would count as one organisation).
    const other = await addTenantDomain(b.tenant.id, null, `bank${Date.now().toString(36)}.test`);
    await activeKey(other, "ms202611");
    const spoofed = message(`ceo@${other.name}`);
    const fallback = await signOutgoing(spoofed, { mailFrom: `zhang@${a.domain.name}`, tenantId: a.tenant.id });
    expect(fallback.signedBy).toBe(a.domain.name);
    const [result] = await verify(fallback.bytes);
    expect(result).toMatchObject({ signingDomain: a.domain.name, status: { result: "pass" } });
    expect(result!.status.aligned).toBeFalsy();
    expect(await signOutgoing(spoofed, { mailFrom: "bounce@outside.example", tenantId: a.tenant.id })).toEqual({ bytes: spoofed, signedBy: null });
    // The platform's own mail (tenantId null) never signs with a tenant's domain.
    expect(await signOutgoing(spoofed, { mailFrom: "", tenantId: null })).toEqual({ bytes: spoofed, signedBy: null });
  });

  it("signs the platform's own notices (tenantId null) with the platform domain, aligned with MAILER-DAEMON@<mail host>", async () => {
    const dsn = buildDsn({
      id: "01JDQ1AAAAAAAAAAAAAAAAAAAB",
      hostname: mailHostname(),
      date: now,
      kind: "failed",
      original: { queueId: "01JDQ1AAAAAAAAAAAAAAAAAAAA", mailFrom: `zhang@${a.domain.name}`, subject: "Report", headerMessageId: null, receivedAt: now, headers: null },
      recipients: [{ recipient: "bob@remote.example", status: "5.1.1", remoteMta: null, diagnostic: "550 5.1.1 User unknown", lastAttemptAt: now }],
    }).bytes;
    expect(await signOutgoing(dsn, { mailFrom: "", tenantId: null })).toEqual({ bytes: dsn, signedBy: null }); // no key for the platform yet
    const platform = await addTenantDomain(b.tenant.id, null, env().PLATFORM_DOMAIN);
    await activeKey(platform, "ms202611");
    now = new Date(now.getTime() + DKIM_KEY_CACHE_MS + 1);
    const signed = await signOutgoing(dsn, { mailFrom: "", tenantId: null });
    expect(signed.signedBy).toBe(env().PLATFORM_DOMAIN);
    const [result] = await verify(signed.bytes);
    expect(result).toMatchObject({ signingDomain: env().PLATFORM_DOMAIN, status: { result: "pass", aligned: env().PLATFORM_DOMAIN } });
  });

  it("sends unsigned, and says so in the log, when a key cannot be decrypted (DKIM_KEY_SECRET changed)", async () => {
    const domain = await addTenantDomain(a.tenant.id);
    const generated = await generateDkimKey();
    await db.dkimKey.create({ data: { domainId: domain.id, selector: "ms202611", publicKey: generated.publicKey, privateKeyEnc: "v1:AAAA:AAAA:AAAA", status: "active", activatedAt: now } });
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((line: string) => (errors.push(String(line)), true)) as typeof process.stderr.write;
    try {
      const bytes = message(`x@${domain.name}`);
      expect(await signOutgoing(bytes, { mailFrom: `x@${domain.name}`, tenantId: a.tenant.id })).toEqual({ bytes, signedBy: null });
    } finally {
      process.stderr.write = write;
    }
    expect(errors.some((l) => l.includes("cannot be decrypted") && l.includes(domain.name))).toBe(true);
  });

  it("keeps a key cached, so a retired key signs on only until the period ends", async () => {
    clearDkimKeyCache();
    const domain = await addTenantDomain(b.tenant.id);
    await activeKey(domain, "ms202611");
    const send = () => signOutgoing(message(`x@${domain.name}`), { mailFrom: "", tenantId: b.tenant.id });
    expect((await send()).signedBy).toBe(domain.name);
    await db.dkimKey.updateMany({ where: { domainId: domain.id }, data: { status: "retired" } });
    expect((await send()).signedBy).toBe(domain.name);
    now = new Date(now.getTime() + DKIM_KEY_CACHE_MS + 1);
    expect((await send()).signedBy).toBeNull();
  });
});
