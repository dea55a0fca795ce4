import { db } from "@/server/shared/db";
import type { Problem } from "../rules/check-types";
import type { DomainCheckResult } from "./check-result.types";

// The tenant's home-page warning (seed 001 area 2): domains whose MX a check proved missing or
// wrong, since when, and why (the MX record's diagnosis from the last check).

export type MxWarning = { domainId: string; name: string; unicodeName: string; since: Date; problems: Problem[] };

export async function listMxWarnings(tenantId: string): Promise<MxWarning[]> {
  const rows = await db.domain.findMany({
    where: { tenantId, mxFailingSince: { not: null } },
    select: { id: true, name: true, unicodeName: true, mxFailingSince: true, lastCheck: true },
    orderBy: [{ mxFailingSince: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => {
    const last = r.lastCheck as DomainCheckResult | null;
    const problems = last?.records?.find((rec) => rec.group === "mx")?.problems ?? [];
    return { domainId: r.id, name: r.name, unicodeName: r.unicodeName, since: r.mxFailingSince!, problems };
  });
}
