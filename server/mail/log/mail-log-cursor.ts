// A page's position in the delivery log: the (receivedAt, id) of the last line it examined.
// Written as "<epoch ms>_<id>" — not secret (it only says where to go on inside the caller's
// own scope), and short enough to sit in a URL.

export type MailLogCursor = { receivedAt: Date; id: bigint };

export function encodeCursor(c: MailLogCursor): string {
  return `${c.receivedAt.getTime()}_${c.id}`;
}

/** The cursor, or null for anything encodeCursor did not write. */
export function decodeCursor(text: string): MailLogCursor | null {
  const m = /^(\d{1,15})_(\d{1,19})$/.exec(text);
  if (!m) return null;
  const id = BigInt(m[2]!);
  // ids are signed BIGINT; epoch ms up to 15 digits is beyond year 30000, but still a valid Date.
  if (id > 9_223_372_036_854_775_807n) return null;
  return { receivedAt: new Date(Number(m[1])), id };
}
