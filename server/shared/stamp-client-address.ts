import type { IncomingHttpHeaders } from "node:http";

/**
 * Makes X-Forwarded-For trustworthy before Next.js sees the request (scripts/portal-server.ts).
 * Without a trusted proxy, whatever the client sent is dropped and the socket's address is the
 * only entry; X-Real-IP, equally client-chosen, is dropped too. Behind `trustedHops` proxies the
 * header is theirs and stays as it is.
 */
export function stampClientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedHops: number): void {
  if (trustedHops > 0) return;
  delete headers["x-real-ip"];
  if (socketAddress) headers["x-forwarded-for"] = socketAddress;
  else delete headers["x-forwarded-for"];
}
