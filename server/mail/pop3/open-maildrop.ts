import { verifyMailLogin } from "@/server/mail/auth/verify-mail-login";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { lockMaildrop } from "./maildrop-lock";
import type { DropMessage, LoginOutcome } from "./pop3-session";

// POP3 login (USER/PASS or AUTH PLAIN): check the password, take the maildrop's exclusive lock,
// then take the snapshot the session works on (RFC 1939 §5: message numbers are fixed for the
// session, so mail arriving later shows up in the next one).

const log = logger("mail.pop3");

export type OpenedMaildrop = LoginOutcome & { release?: () => void };

/** The mailbox's messages in UID order, as they are now. */
export async function loadMaildrop(mailboxId: string): Promise<DropMessage[]> {
  const rows = await db.storedMessage.findMany({ where: { mailboxId }, orderBy: { id: "asc" }, select: { id: true, size: true, path: true } });
  return rows.map((r) => ({ uid: r.id, size: r.size, path: r.path }));
}

/** Logs in and opens the maildrop; on success the caller owns `release` (the lock). */
export async function openMaildrop(username: string, password: string, ip: string): Promise<OpenedMaildrop> {
  let login: Awaited<ReturnType<typeof verifyMailLogin>>;
  try {
    login = await verifyMailLogin(username, password, { ip, channel: "pop3" });
  } catch (error) {
    log.error("pop3 login could not be checked", { ip, error: String(error) });
    return { ok: false, reason: "unavailable" };
  }
  if (!login.ok) return { ok: false, reason: login.reason };
  const { mailboxId, address } = login.account;
  const release = lockMaildrop(mailboxId);
  if (!release) return { ok: false, reason: "in_use" };
  try {
    return { ok: true, mailboxId, address, maildrop: await loadMaildrop(mailboxId), release };
  } catch (error) {
    release();
    log.error("pop3 maildrop could not be loaded", { mailboxId, error: String(error) });
    return { ok: false, reason: "unavailable" };
  }
}
