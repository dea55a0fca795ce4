import { describePasswordRule } from "@/server/auth/passwords/password-policy-rule";
import { loadSecurityPolicy, policyScopeOf } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import type { InvitationView } from "./accept-invitation.types";
import { loadInvitation } from "./load-invitation";

/** What the invitation page shows before the password form: whose account, whether the link still works, the password rule. */
export async function checkInvitation(token: string): Promise<InvitationView> {
  const { user, organisation, token: row, expired } = await loadInvitation(db, token);
  const passwordRule = describePasswordRule(await loadSecurityPolicy(policyScopeOf(user)));
  return { email: user.email, name: user.name, organisation, expiresAt: row.expiresAt, expired, passwordRule };
}
