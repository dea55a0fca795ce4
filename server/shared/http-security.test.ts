import { describe, expect, it } from "vitest";
import { arrivedOverTls, contentSecurityPolicy, csrfVerdict, newNonce, STATIC_SECURITY_HEADERS, type RequestFacts } from "./http-security";

const facts = (over: Partial<Omit<RequestFacts, "headers">> & { headers?: Record<string, string> } = {}): RequestFacts => ({
  url: over.url ?? "http://portal.example.com/api/trpc/tenants.mailboxes.create",
  method: over.method ?? "POST",
  headers: new Headers(over.headers ?? { host: "portal.example.com" }),
  trustedHops: over.trustedHops ?? 0,
  publicUrl: over.publicUrl ?? "https://mail.example.com",
});

describe("csrfVerdict", () => {
  it("passes a same-origin write, by Host or by PUBLIC_URL", () => {
    expect(csrfVerdict(facts({ headers: { host: "portal.example.com", origin: "http://portal.example.com", "sec-fetch-site": "same-origin" } }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ headers: { host: "10.0.0.5:3000", origin: "https://mail.example.com" } }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ headers: { host: "portal.example.com:80", origin: "http://PORTAL.example.com" } }))).toEqual({ ok: true });
  });

  it("refuses a write whose Origin is another site, or a subdomain, or opaque", () => {
    for (const origin of ["https://evil.example", "http://portal.example.com.evil.example", "http://other.example.com", "null", "http://portal.example.com:8080"]) {
      expect(csrfVerdict(facts({ headers: { host: "portal.example.com", origin } }))).toEqual({ ok: false, reason: "foreign_origin" });
    }
  });

  it("refuses what the browser marks cross-site or same-site, whatever the Origin", () => {
    expect(csrfVerdict(facts({ headers: { host: "portal.example.com", "sec-fetch-site": "cross-site" } }))).toEqual({ ok: false, reason: "cross_site_fetch" });
    expect(csrfVerdict(facts({ headers: { host: "portal.example.com", origin: "http://portal.example.com", "sec-fetch-site": "same-site" } }))).toEqual({ ok: false, reason: "cross_site_fetch" });
  });

  it("lets reads, non-API paths, the signed Stripe webhook and header-less clients through", () => {
    const evil = { host: "portal.example.com", origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect(csrfVerdict(facts({ method: "GET", headers: evil }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ url: "http://portal.example.com/console", headers: evil }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ url: "http://portal.example.com/api/stripe/webhook", headers: evil }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ headers: { host: "portal.example.com" } }))).toEqual({ ok: true });
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) expect(csrfVerdict(facts({ method, headers: evil })).ok).toBe(false);
  });

  it("lets a cross-site write to /api/v1 through only with a bearer key (the API reads no cookie)", () => {
    const evil = { host: "portal.example.com", origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const api = "http://portal.example.com/api/v1/tenants/t1/suspend";
    expect(csrfVerdict(facts({ url: api, headers: { ...evil, authorization: "Bearer msk_live_0123abcd_x" } }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ url: api, headers: { ...evil, authorization: "bearer msk_live_0123abcd_x" } }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ url: api, headers: evil }))).toEqual({ ok: false, reason: "cross_site_fetch" });
    expect(csrfVerdict(facts({ url: api, headers: { ...evil, authorization: "Basic dXNlcjpwYXNz" } }))).toEqual({ ok: false, reason: "cross_site_fetch" });
    // A bearer header elsewhere under /api exempts nothing: the portal's own API reads the session cookie.
    const trpc = "http://portal.example.com/api/trpc/apiKeys.operator.create";
    expect(csrfVerdict(facts({ url: trpc, headers: { ...evil, authorization: "Bearer msk_live_0123abcd_x" } }))).toEqual({ ok: false, reason: "cross_site_fetch" });
    expect(csrfVerdict(facts({ url: "http://portal.example.com/api/v1x/a", headers: { ...evil, authorization: "Bearer x" } })).ok).toBe(false);
  });

  it("trusts X-Forwarded-Host only behind a trusted proxy", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "portal.example.com", origin: "http://portal.example.com" };
    expect(csrfVerdict(facts({ headers, trustedHops: 1 }))).toEqual({ ok: true });
    expect(csrfVerdict(facts({ headers, trustedHops: 0 }))).toEqual({ ok: false, reason: "foreign_origin" });
  });
});

describe("arrivedOverTls (HSTS)", () => {
  it("is true for an https URL, or X-Forwarded-Proto https from a trusted proxy only", () => {
    expect(arrivedOverTls(facts({ url: "https://portal.example.com/" }))).toBe(true);
    expect(arrivedOverTls(facts({ url: "http://portal.example.com/" }))).toBe(false);
    expect(arrivedOverTls(facts({ headers: { "x-forwarded-proto": "https" }, trustedHops: 1 }))).toBe(true);
    expect(arrivedOverTls(facts({ headers: { "x-forwarded-proto": "https" }, trustedHops: 0 }))).toBe(false);
    expect(arrivedOverTls(facts({ headers: { "x-forwarded-proto": "https, http" }, trustedHops: 1 }))).toBe(false);
  });
});

describe("headers", () => {
  it("builds the CSP with the nonce, 'unsafe-eval' only in development", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(contentSecurityPolicy("abc123", true)).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic' 'unsafe-eval';");
  });

  it("makes a fresh base64 nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(newNonce()).not.toBe(a);
  });

  it("denies framing, sniffing, full referrers and the camera, microphone and location", () => {
    expect(STATIC_SECURITY_HEADERS).toEqual({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });
});
