// Samples for the evidence chain's and the roll-ups' tests: a SampleRow to hash (pure), and rows
// written straight into ProbeSample (as the probes' writer does). Not imported by application code.
import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import type { SampleRow } from "./sample-line";

export const row = (over: Partial<SampleRow> = {}): SampleRow => ({
  id: 42n,
  probe: "smtp_mx",
  target: "127.0.0.1:25",
  location: "bj-1",
  ok: true,
  latencyMs: 183,
  error: null,
  at: new Date("2026-11-03T10:00:00.120Z"),
  skewMs: 0,
  tenantId: null,
  affected: null,
  detail: null,
  ...over,
});

export type SampleSpec = Partial<Omit<SampleRow, "id" | "detail">> & { at: Date; detail?: Prisma.InputJsonObject | null };

/** Inserts samples (defaults: an ok smtp_mx sample from "bj-1") and returns their ids in input order. */
export async function insertSamples(specs: SampleSpec[]): Promise<bigint[]> {
  const ids: bigint[] = [];
  // One by one so the ids are known and ascend in input order; tests insert tens, not thousands.
  for (const s of specs) {
    const created = await db.probeSample.create({
      data: {
        probe: s.probe ?? "smtp_mx",
        target: s.target ?? "127.0.0.1:25",
        location: s.location ?? "bj-1",
        ok: s.ok ?? true,
        latencyMs: s.latencyMs === undefined ? 100 : s.latencyMs,
        error: s.error ?? null,
        at: s.at,
        skewMs: s.skewMs ?? 0,
        tenantId: s.tenantId ?? null,
        affected: s.affected ?? null,
        detail: s.detail ?? undefined,
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}
