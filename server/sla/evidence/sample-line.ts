import type { ProbeSample } from "@/server/generated/prisma/client.ts";

// How one sample enters its day's digest (the evidence chain, docs/sla.md "Evidence"). The line
// must come out byte for byte the same when sla:verify recomputes it months later, from another
// process or another version of Node: so every field is spelled out, keys are sorted at every
// level, and nothing depends on how the driver happened to return a column.

/** A ProbeSample row as the chain reads it (the model's own fields, every one of them hashed). */
export type SampleRow = ProbeSample;

/** JSON with object keys sorted (by UTF-16 code units) at every depth; no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
    case "string":
      return JSON.stringify(value);
    case "number":
      // NaN and Infinity have no JSON form: refusing them beats hashing "null" for both.
      if (!Number.isFinite(value)) throw new RangeError(`cannot hash a non-finite number: ${value}`);
      return JSON.stringify(value);
    case "bigint":
      return JSON.stringify(value.toString());
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}

/** The sample's line in its day's digest (without the newline that ends it). */
export function sampleLine(row: SampleRow): string {
  return canonicalJson({
    id: row.id.toString(),
    probe: row.probe,
    target: row.target,
    location: row.location,
    ok: row.ok,
    latencyMs: row.latencyMs,
    error: row.error,
    at: row.at.toISOString(),
    skewMs: row.skewMs,
    tenantId: row.tenantId,
    affected: row.affected,
    detail: row.detail ?? null,
  });
}
