/** The columns a reader's feed needs, with the reader's own read mark (if any) in the same query. */
export const feedSelect = (readerId: string) =>
  ({
    id: true,
    scope: true,
    title: true,
    body: true,
    level: true,
    publishAt: true,
    takeDownAt: true,
    reads: { where: { readerId }, select: { readAt: true } },
  }) as const;
