import { ROLE_HOME, roleForPath, type SessionRole } from "@/server/auth/roles";

// Any base works: it only lets URL() resolve relative paths so we can compare origins.
const BASE = "http://mailstead.invalid";

/**
 * Where to send a user after sign-in: the callbackUrl when it is a path on this site inside
 * the user's own portal, else the role's home. Anything else (another origin, "//evil.com",
 * another role's portal, /signin itself) is ignored so the link cannot be abused.
 * `origin` lets an absolute same-origin URL (as next-auth sometimes sends) count as a path.
 */
export function landingPath(role: SessionRole, callbackUrl: string | null | undefined, origin?: string): string {
  const home = ROLE_HOME[role];
  if (!callbackUrl) return home;
  let url: URL;
  try {
    url = new URL(callbackUrl, BASE);
  } catch {
    return home;
  }
  const sameOrigin = url.origin === BASE || (origin !== undefined && url.origin === origin);
  if (!sameOrigin) return home;
  if (roleForPath(url.pathname) !== role) return home;
  return url.pathname + url.search + url.hash;
}
