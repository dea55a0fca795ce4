import { db } from "@/server/shared/db";
import type { InvitationView } from "./accept-invitation.types";
import { loadInvitation } from "./load-invitation";

/** What the invitation page shows before the password form: whose account, and whether the link still works. */
export async function checkInvitation(token: string): Promise<InvitationView> {
  const { user, organisation, token: row, expired } = await loadInvitation(db, token);
  return { email: user.email, name: user.name, organisation, expiresAt: row.expiresAt, expired };
}
