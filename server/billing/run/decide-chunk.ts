import type { Month } from "../rules/months";
import { advanceToMonth, type MonthStep } from "../rules/service-terms";
import type { ChunkData, ChunkService } from "./chunk-data";

// What the run does to each tenant of a chunk: exactly chargeMonth's decision (the same
// advanceToMonth step, the same "balance ≥ fee" test), made for many tenants at once so the
// writes can be batched.

export type ChargeDecision = { service: ChunkService; step: MonthStep; fee: number };
export type SuspendDecision = { service: ChunkService; fee: number; balance: number };

export type ChunkDecisions = {
  charges: ChargeDecision[];
  suspensions: SuspendDecision[];
  /** Tenants read for the chunk that need nothing: charged already, or no longer candidates. */
  skipped: number;
};

export function decideChunk(candidateCount: number, data: ChunkData, month: Month): ChunkDecisions {
  const charges: ChargeDecision[] = [];
  const suspensions: SuspendDecision[] = [];
  for (const service of data.services) {
    const step = advanceToMonth(service.state, service.scheduled?.change ?? null, month);
    const balance = data.balances.get(service.tenantId) ?? 0;
    if (balance >= step.fee) charges.push({ service, step, fee: step.fee });
    else suspensions.push({ service, fee: step.fee, balance });
  }
  return { charges, suspensions, skipped: candidateCount - charges.length - suspensions.length };
}

/** The ledger note of a charge, as chargeMonth writes it. */
