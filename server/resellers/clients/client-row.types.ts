import type { SuspensionReason, TenantStatus } from "@/server/generated/prisma/enums.ts";
import type { AdminState } from "./client.types";

/** A client on a reseller's dashboard: who owns it, what it pays for, and what needs attention. */
export type ClientRow = {
  tenantId: string;
  name: string;
  status: TenantStatus;
  suspendedReason: SuspensionReason | null;
  createdAt: Date;
  owner: { resellerId: string; name: string; isSelf: boolean };
  plan: { code: string; name: string } | null;
  subscriptionStatus: "pending" | "active" | null;
  seats: number | null;
  /** Fen; negative = the client owes. */
  balance: number;
  /** Last day the balance pays for (tenant's calendar, YYYY-MM-DD); null before the service has started. */
  paidThroughDay: string | null;
  daysLeft: number | null;
  lowBalance: boolean;
  /** Domains not verified for mail yet, degraded, or whose MX a check found wrong. */
  problemDomains: { count: number; names: string[] };
  /** The last closed SLA month (the month before this one, tenant's calendar) and its breaches. */
  slaMonth: string;
  slaBreaches: number;
  admin: { email: string; name: string; state: AdminState } | null;
  invitationPending: boolean;
  hasProblems: boolean;
};

export type ResellerOption = { resellerId: string; name: string; isSelf: boolean };
