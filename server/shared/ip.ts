/**
 * The client address from proxy headers, as people read it: the first hop of
 * X-Forwarded-For (or X-Real-IP), without the IPv4-mapped IPv6 prefix Node reports for IPv4
 * clients on a dual-stack socket ("::ffff:127.0.0.1" → "127.0.0.1"). Null when unknown.
 */
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  const raw = forwardedFor?.split(",")[0]?.trim() || realIp?.trim() || "";
  const ip = raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return ip ? ip.slice(0, 45) : null;
}
