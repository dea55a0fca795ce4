// A page's position in a quarantine list: the (receivedAt, id) of its last entry, written as
// "<epoch ms>_<id>" like the delivery log's cursor. Not secret: it only says where to go on
// inside the caller's own scope.

export type QuarantineCursor = { receivedAt: Date; id: bigint };

export function encodeQuarantineCursor(c: QuarantineCursor): string {
  return `${c.receivedAt.getTime()}_${c.id}`;
}

/** The cursor, or null for anything encodeQuarantineCursor did not write. */
export function decodeQuarantineCursor(text: string): QuarantineCursor | null {
  const m = /^(\d{1,15})_([1-9]\d{0,18})$/.exec(text);
  if (!m) return null;
  const id = BigInt(m[2]!);
  if (id > 9_223_372_036_854_775_807n) return null;
  return { receivedAt: new Date(Number(m[1])), id };
}
