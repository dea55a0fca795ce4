// A small in-process cache for the RCPT path: entries live `ttlMs()` milliseconds (read at each
// store, so a changed MAIL_CACHE_SECONDS applies at once; 0 = no caching), at most `maxEntries`
// of them (the oldest stored goes first), and concurrent misses on one key share one load, so
// 50 sessions asking for a cold address make one query, not 50. A failed load is not kept.

type Entry<V> = { value: Promise<V>; until: number };

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly options: { maxEntries: number; ttlMs: () => number; now?: () => number },
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const ttl = this.options.ttlMs();
    if (ttl <= 0) return load();
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (hit) this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    const value = load();
    const entry = { value, until: now + ttl };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
