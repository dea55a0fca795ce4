import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { ROLE_HOME } from "@/server/auth/roles";

/** The site root has no page of its own: each role has its home. */
export default async function RootPage() {
  const user = await currentUser();
  redirect(user ? ROLE_HOME[user.role] : "/signin");
}
