import type { LoginEvent } from "@/server/generated/prisma/client.ts";
import type { AccountKind, LoginChannel, LoginResult } from "@/server/generated/prisma/enums.ts";
import { summariseUserAgent } from "./user-agent-summary";

/** One login-log row as pages and the CSV see it (the BigInt id becomes a string). */
export type LoginLogRow = {
  id: string;
  occurredAt: Date;
  accountKind: AccountKind | null;
  /** The account's id (User or Mailbox); null when nobody by that name exists. */
  accountId: string | null;
  email: string;
  tenantId: string | null;
  /** Null for staff, and when the tenant row is gone: the log outlives what it talks about. */
  tenantName: string | null;
  ip: string | null;
  userAgent: string | null;
  /** "Chrome 131 · Windows", or a mail client's name. */
  client: string | null;
  channel: LoginChannel;
  result: LoginResult;
  reason: string | null;
  newNetwork: boolean;
  lockoutExempt: boolean;
};

export function toLoginLogRow(row: LoginEvent, tenantNames: Map<string, string>): LoginLogRow {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt,
    accountKind: row.accountKind,
    accountId: row.userId,
    email: row.email,
    tenantId: row.tenantId,
    tenantName: row.tenantId ? (tenantNames.get(row.tenantId) ?? null) : null,
    ip: row.ip,
    userAgent: row.userAgent,
    client: summariseUserAgent(row.userAgent),
    channel: row.channel,
    result: row.result,
    reason: row.reason,
    newNetwork: row.newNetwork,
    lockoutExempt: row.lockoutExempt,
  };
}
