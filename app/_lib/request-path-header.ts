/**
 * Header carrying the requested path + query to server components. A layout cannot see its
 * URL, so the proxy (proxy.ts) copies it here for the portal gate's sign-in redirect. Kept in
 * its own module so the proxy imports nothing else. Clients can forge it, which is harmless:
 * the sign-in page re-checks every callbackUrl (landing-path.ts).
 */
export const REQUEST_PATH_HEADER = "x-mailstead-path";
