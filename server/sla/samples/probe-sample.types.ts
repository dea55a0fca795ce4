import type { ProbeKind } from "@/server/generated/prisma/enums";

/** One probe run, as the probes hand it to the writer (`at` on the probe host's clock). */
export type ProbeSampleInput = {
  probe: ProbeKind;
  target: string;
  location: string;
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
  at: Date;
  tenantId?: string | null;
  affected?: number | null;
  detail?: Record<string, unknown> | null;
};
