import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/app/_lib/request-path-header";
import { env } from "@/server/shared/env";
import {
  arrivedOverTls,
  contentSecurityPolicy,
  CSRF_REFUSAL,
  csrfVerdict,
  HSTS,
  newNonce,
  STATIC_SECURITY_HEADERS,
  type RequestFacts,
} from "@/server/shared/http-security";

const PORTALS = ["/console", "/reseller", "/ops", "/mailbox"];
const isPortalPath = (path: string) => PORTALS.some((p) => path === p || path.startsWith(`${p}/`));

function secure(response: NextResponse, facts: RequestFacts, csp: string): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  if (arrivedOverTls(facts)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

// Every request but Next's static files: CSRF refusal for cross-site writes to the API, a CSP
// with a fresh nonce (Next reads it from the request's header and puts it on its own scripts, which
// is why every page renders dynamically) and the security headers (docs/security.md).
export function proxy(request: NextRequest) {
  const { TRUSTED_PROXY_HOPS, PUBLIC_URL, NODE_ENV } = env();
  const facts: RequestFacts = { url: request.url, method: request.method, headers: request.headers, trustedHops: TRUSTED_PROXY_HOPS, publicUrl: PUBLIC_URL };
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, NODE_ENV === "development");

  if (!csrfVerdict(facts).ok) return secure(NextResponse.json(CSRF_REFUSAL, { status: 403 }), facts, csp);

  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  // A server layout cannot read its own URL; the portal gate needs it to send a signed-out
  // visitor back to the exact page after sign-in.
  const path = request.nextUrl.pathname;
  if (isPortalPath(path)) headers.set(REQUEST_PATH_HEADER, path + request.nextUrl.search);
  return secure(NextResponse.next({ request: { headers } }), facts, csp);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
