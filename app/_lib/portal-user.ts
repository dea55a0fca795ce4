import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { ROLE_HOME, type SessionRole } from "@/server/auth/roles";
import type { SessionUser } from "@/server/auth/session-user";
import { REQUEST_PATH_HEADER } from "./request-path-header";

/** The path to come back to after sign-in; the portal home when the proxy did not say. */
async function requestedPath(fallback: string): Promise<string> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return path?.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/**
 * The gate of a portal: the signed-in user when their role owns it. No session → sign-in page
 * (coming back here afterwards); another role → 403 page; a restricted session → the page that
 * lifts the restriction. Cached per request so the layout
 * and the page share one session lookup.
 */
export const requirePortalUser = cache(async (role: SessionRole): Promise<SessionUser> => {
  const user = await currentUser();
  if (!user) {
    const back = await requestedPath(ROLE_HOME[role]);
    redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (user.role !== role) forbidden();
  // A restricted session sees only the page that lifts the restriction (the procedures refuse
  // the rest anyway). A mailbox user changes an expired password on /mailbox itself.
  if (user.restriction === "enrol_totp") redirect("/second-factor");
  if (user.restriction === "change_password" && role !== "mailbox_user") redirect("/change-password");
  return user;
});
