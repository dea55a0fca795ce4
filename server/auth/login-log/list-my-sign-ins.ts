import { db } from "@/server/shared/db";
import { accountEventsWhere, type LoginAccount } from "./account-events";
import { toLoginLogRow, type LoginLogRow } from "./login-log-row";

/** How many of their own attempts a person sees on their security page. */
export const MY_SIGN_INS_SHOWN = 20;

/**
 * The caller's own latest sign-in attempts (successes and refusals), newest first, so they can
 * spot one that was not them. Tenant names are left out: it is always their own tenant.
 */
export async function listMySignIns(account: LoginAccount): Promise<LoginLogRow[]> {
  const rows = await db.loginEvent.findMany({
    where: accountEventsWhere(account),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: MY_SIGN_INS_SHOWN,
  });
  return rows.map((r) => toLoginLogRow(r, new Map()));
}
