// RFC 1939 §8: a POP3 session holds an exclusive lock on its maildrop, so two sessions cannot
// hand out the same message numbers and delete each other's view. The engine is one process
// (workers/mail-engine.ts starts every listener), so an in-process set is the whole truth; if
// the engine is ever split over several processes this must become a database or Redis lock.
const held = new Set<string>();

/** Locks the mailbox's maildrop; returns the release (idempotent), or null when another session holds it. */
export function lockMaildrop(mailboxId: string): (() => void) | null {
  if (held.has(mailboxId)) return null;
  held.add(mailboxId);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(mailboxId);
  };
}
