// DKIM selectors: `ms` + the UTC year and month the key was made (ms202611), so an operator can tell
// a key's age from its DNS name. A second key in the same month gets a suffix: ms202611-2, -3, …
// Unique per domain (the table's unique index on domainId + selector backs this up).

export function baseSelector(at: Date): string {
  return `ms${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The first free selector for a key made at `at`, given every selector the domain has ever used. */
export function nextSelector(at: Date, taken: readonly string[]): string {
  const base = baseSelector(at);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
