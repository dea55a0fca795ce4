// Which of a domain's DKIM keys signs its mail. The rule (issue 5 item 3, rotation):
// - a new key is `pending` until the checker sees its TXT record, then `active`;
// - the newest verified key (latest activatedAt) signs; older `active` keys stay published and
//   valid, so mail signed with them in flight still verifies;
// - an operator retires an older key when it is no longer needed; the signing key can never be
//   retired (so a domain that had a verified key always keeps one).

export type KeyStatus = "pending" | "active" | "retired";
type Key = { id: string; status: KeyStatus; activatedAt: Date | null; createdAt: Date };

export function signingKey<K extends Key>(keys: readonly K[]): K | null {
  let best: K | null = null;
  for (const key of keys) {
    if (key.status !== "active") continue;
    const at = (key.activatedAt ?? key.createdAt).getTime();
    const bestAt = best ? (best.activatedAt ?? best.createdAt).getTime() : -Infinity;
    if (!best || at > bestAt || (at === bestAt && key.createdAt.getTime() > best.createdAt.getTime())) best = key;
  }
  return best;
}
