// Shared by the engine's integration tests (issue 7): a tenant with a mail_ready domain and
// mailboxes that can sign in (known password, no forced change), a list, and a scratch
// DATA_DIR so the store writes under a temporary directory. Not imported by application code.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "@/server/auth/password";
import { createConsoleTenant, uniqueLocalPart, type ConsoleTenantOptions } from "@/server/tenants/tenant-test-fixtures";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";

export { addTenantDomain, uniqueDomainName, uniqueLocalPart } from "@/server/tenants/tenant-test-fixtures";

const execFileP = promisify(execFile);

/** The password of every mailbox these fixtures make. */
export const MAIL_PASSWORD = "Engine#Pass2026";

let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(MAIL_PASSWORD));

export type MailTenant = Awaited<ReturnType<typeof createMailTenant>>;

/** A tenant (active, paid) with one mail_ready domain; its plan is `plan` (1,000 letters a day). */
export async function createMailTenant(options: ConsoleTenantOptions & { dailySendLimit?: number; attachmentLimitMb?: number } = {}) {
  const t = await createConsoleTenant(options);
  const plan = await db.plan.update({
    where: { id: t.plan.id },
    data: { dailySendLimit: options.dailySendLimit ?? 1000, attachmentLimitMb: options.attachmentLimitMb ?? 50 },
  });
  return { ...t, plan };
}

/** A mailbox on `domain` (default: the tenant's first) with MAIL_PASSWORD and its MailAddress row. */
export async function createMailbox(
  t: { tenant: { id: string }; domain: { id: string; name: string } },
  opts: { localPart?: string; quotaMb?: number; status?: "active" | "disabled"; mustChangePassword?: boolean; domain?: { id: string; name: string } } = {},
) {
  const domain = opts.domain ?? t.domain;
  const localPart = opts.localPart ?? uniqueLocalPart("m");
  const address = `${localPart}@${domain.name}`.toLowerCase();
  const mailbox = await db.mailbox.create({
    data: {
      tenantId: t.tenant.id,
      domainId: domain.id,
      localPart,
      address,
      displayName: localPart,
      quotaMb: opts.quotaMb ?? 1024,
      status: opts.status ?? "active",
      mustChangePassword: opts.mustChangePassword ?? false,
      passwordHash: await passwordHash(),
    },
  });
  await db.mailAddress.create({ data: { address, tenantId: t.tenant.id, domainId: domain.id, kind: "mailbox", mailboxId: mailbox.id } });
  return mailbox;
}

/** An alias address of `mailbox` on `domain` (default: the mailbox's own domain). */
export async function createAlias(mailbox: { id: string; tenantId: string; domainId: string }, address: string, domainId = mailbox.domainId) {
  return db.mailAddress.create({ data: { address: address.toLowerCase(), tenantId: mailbox.tenantId, domainId, kind: "alias", mailboxId: mailbox.id } });
}

/** A mailing list with members (mailboxes or outside addresses) and named senders. */
export async function createList(
  t: { tenant: { id: string }; domain: { id: string; name: string } },
  opts: { localPart?: string; policy?: "anyone" | "members_and_senders" | "senders_only" | "organisation"; members?: ({ id: string; address: string } | string)[]; senders?: ({ id: string; address: string } | string)[] } = {},
) {
  const address = `${opts.localPart ?? uniqueLocalPart("list")}@${t.domain.name}`.toLowerCase();
  const list = await db.mailingList.create({
    data: { tenantId: t.tenant.id, domainId: t.domain.id, address, name: address.split("@")[0] ?? address, policy: opts.policy ?? "anyone" },
  });
  await db.mailAddress.create({ data: { address, tenantId: t.tenant.id, domainId: t.domain.id, kind: "list", listId: list.id } });
  const entry = (role: "member" | "sender") => (m: { id: string; address: string } | string) =>
    db.mailingListEntry.create({
      data: typeof m === "string" ? { listId: list.id, role, address: m.toLowerCase() } : { listId: list.id, role, address: m.address, mailboxId: m.id },
    });
  for (const m of opts.members ?? []) await entry("member")(m);
  for (const s of opts.senders ?? []) await entry("sender")(s);
  return list;
}

/** Points DATA_DIR at a new temporary directory for this test file; returns it and a cleanup. */
export async function scratchDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mailstead-store-"));
  process.env.DATA_DIR = dir;
  resetEnvCache();
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

let tls: Promise<{ cert: string; key: string }> | undefined;
/**
 * A self-signed pair for the listeners under test (made once per test file with openssl, as
 * npm start does), and MAIL_TLS_CERT / MAIL_TLS_KEY pointed at it.
 */
export function useTestTls(): Promise<{ cert: string; key: string }> {
  tls ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "mailstead-tls-"));
    const cert = path.join(dir, "mail.crt");
    const key = path.join(dir, "mail.key");
    await execFileP("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=mx.mailstead.test", "-addext", "subjectAltName=DNS:mx.mailstead.test,DNS:localhost,IP:127.0.0.1"]);
    process.env.MAIL_TLS_CERT = cert;
    process.env.MAIL_TLS_KEY = key;
    resetEnvCache();
    return { cert, key };
  })();
  return tls;
}
