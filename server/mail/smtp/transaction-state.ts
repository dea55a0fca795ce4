import type { SMTPServerSession } from "smtp-server";
import type { Listener, MailAccount, ResolvedRecipient } from "../engine.types";

// What the engine remembers about a session between commands, beside smtp-server's own
// session object: the resolved recipients of the current transaction and whether one of our
// handlers is still working (the drain must not cut a session off in the middle of a reply).

export type Transaction = {
  mailFrom: string;
  declaredSize: number | null;
  /** In RCPT order; a repeated RCPT replaces the earlier entry (as smtp-server's envelope does). */
  recipients: ResolvedRecipient[];
};

export type SessionInfo = { listener: Listener; tx: Transaction | null; busy: number };

const sessions = new WeakMap<SMTPServerSession, SessionInfo>();

export function sessionInfo(session: SMTPServerSession, listener: Listener): SessionInfo {
  let info = sessions.get(session);
  if (!info) sessions.set(session, (info = { listener, tx: null, busy: 0 }));
  return info;
}

export function isBusy(session: SMTPServerSession): boolean {
  return (sessions.get(session)?.busy ?? 0) > 0;
}

/** The account that authenticated (submission), from smtp-server's session.user. */
export function senderOf(session: SMTPServerSession): MailAccount | null {
  return (session.user as MailAccount | undefined) ?? null;
}

export function addRecipient(tx: Transaction, r: ResolvedRecipient): void {
  const i = tx.recipients.findIndex((x) => x.rcpt === r.rcpt);
  if (i >= 0) tx.recipients[i] = r;
  else tx.recipients.push(r);
}
