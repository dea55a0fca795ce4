import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ROLE_HOME } from "@/server/auth/roles";
import { currentUser } from "@/server/auth/session";
import { loadSecurityPolicy, policyScopeOf } from "@/server/auth/policy/security-policy";
import { ForcedChange } from "./forced-change";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwords"))("forcedTitle") };
}

/**
 * Where a session restricted to "change_password" is sent (its password expired under the policy
 * of its scope): it explains why, takes the new password, then goes on to the role's home.
 */
export default async function ChangePasswordPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin");
  const policy = await loadSecurityPolicy(policyScopeOf(user));
  return <ForcedChange account={user.role === "mailbox_user" ? "mailbox" : "user"} home={ROLE_HOME[user.role]} expired={user.restriction === "change_password"} maxAgeDays={policy.passwordMaxAgeDays} />;
}
