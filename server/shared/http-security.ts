// Web hardening as pure functions (docs/security.md, "Web security"); proxy.ts applies them to
// every request, next.config.ts adds the fixed headers to static files the proxy does not see.

/** Headers every response carries, whatever it is. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** Only sent over TLS: a browser ignores it on plain HTTP, and a local run must stay reachable. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** A fresh, unguessable nonce for one response's scripts. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts when it finds it in this header) and what they load ('strict-dynamic').
 * Styles stay 'unsafe-inline': Ant Design injects <style> elements at run time. 'unsafe-eval'
 * only in development, where React's dev tooling needs it.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The entry a trusted chain of `hops` proxies vouches for in a comma-separated forwarding header. */
function forwarded(value: string | null, hops: number): string | null {
  if (!value || hops <= 0) return null;
  const parts = value.split(",").map((p) => p.trim()).filter(Boolean);
  return parts[Math.max(0, parts.length - hops)] ?? null;
}

export type RequestFacts = {
  /** The request URL as the server saw it (http: behind a TLS-terminating proxy). */
  url: string;
  method: string;
  headers: Pick<Headers, "get">;
  /** TRUSTED_PROXY_HOPS: forwarding headers count only when a proxy we trust set them. */
  trustedHops: number;
  /** PUBLIC_URL: the address people use, always an accepted origin. */
  publicUrl: string;
};

/** Whether the request reached the first trusted hop over TLS (HSTS is sent only then). */
export function arrivedOverTls(req: Pick<RequestFacts, "url" | "headers" | "trustedHops">): boolean {
  if (new URL(req.url).protocol === "https:") return true;
  return forwarded(req.headers.get("x-forwarded-proto"), req.trustedHops)?.toLowerCase() === "https";
}

/** host[:port] in lower case, without the scheme's default port, or null when not a URL. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The host the request was addressed to: the proxy's X-Forwarded-Host when trusted, else Host. */
function requestHost(req: RequestFacts): string | null {
  const host = forwarded(req.headers.get("x-forwarded-host"), req.trustedHops) ?? req.headers.get("host") ?? new URL(req.url).host;
  return host ? host.toLowerCase().replace(/:(80|443)$/, "") : null;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Signed by Stripe and sent by its servers: its own check (the signature) applies instead. */
const CSRF_EXEMPT = new Set(["/api/stripe/webhook"]);

/**
 * The provisioning API (/api/v1) authenticates with a bearer key and never reads the session
 * cookie, so a cross-site page gains nothing from a visitor's cookies there; and a browser
 * cannot add an Authorization header to a cross-site request without a CORS preflight, which this
 * server never grants. A /api/v1 write without a bearer key is still checked (it is refused 401 anyway).
 */
const isBearerApiCall = (path: string, headers: Pick<Headers, "get">) => path.startsWith("/api/v1/") && /^Bearer\s/i.test(headers.get("authorization") ?? "");

export type CsrfVerdict = { ok: true } | { ok: false; reason: "cross_site_fetch" | "foreign_origin" };

/**
 * Refuses a state-changing API request a browser sent on behalf of another site: Sec-Fetch-Site
 * says cross-site or same-site (a sibling subdomain is another tenant's page), or Origin names
 * neither this request's host nor PUBLIC_URL. A request with neither header is not from a
 * browser that could carry a victim's cookies, and passes (curl, the mail tools, Stripe).
 */
export function csrfVerdict(req: RequestFacts): CsrfVerdict {
  const url = new URL(req.url);
  if (!STATE_CHANGING.has(req.method.toUpperCase()) || !url.pathname.startsWith("/api/") || CSRF_EXEMPT.has(url.pathname)) return { ok: true };
  if (isBearerApiCall(url.pathname, req.headers)) return { ok: true };
  const site = req.headers.get("sec-fetch-site")?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return { ok: false, reason: "cross_site_fetch" };
  const origin = req.headers.get("origin");
  if (origin === null) return { ok: true };
  const from = hostOf(origin);
  const ok = from !== null && (from === requestHost(req) || origin.toLowerCase() === new URL(req.publicUrl).origin.toLowerCase());
  return ok ? { ok: true } : { ok: false, reason: "foreign_origin" };
}

/** The 403 body of a refused cross-site request, in both languages (no locale is known yet). */
export const CSRF_REFUSAL = {
  error: "FORBIDDEN",
  message: "This request came from another site and was refused",
  messageZh: "该请求来自其他网站，已被拒绝",
} as const;
