/**
 * The client address as people read it (IPv4-mapped IPv6 "::ffff:1.2.3.4" → "1.2.3.4"), or null.
 *
 * Next.js sets X-Forwarded-For to the socket's address only when the request has none, so the
 * production portal (scripts/portal-server.ts) replaces a client-sent one with the socket's address
 * when no proxy is trusted: with 0 the first (only) entry is the peer. Behind `trustedHops`
 * proxies that each append the address they saw, the trustworthy entry is the one the outermost
 * of them appended: `trustedHops` from the right. (Under `next dev` the header is as the client sent it.)
 */
export function clientIp(forwardedFor: string | null | undefined, realIp: string | null | undefined, trustedHops = 0): string | null {
  const hops = (forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const picked = trustedHops > 0 ? hops[Math.max(0, hops.length - trustedHops)] : hops[0];
  const raw = picked || realIp?.trim() || "";
  const ip = raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return ip ? ip.slice(0, 45) : null;
}
