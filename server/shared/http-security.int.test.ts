import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { REQUEST_PATH_HEADER } from "@/app/_lib/request-path-header";

// The real proxy function (proxy.ts) on NextRequests, as Next calls it: CSRF refusal and headers.

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(url, { method: init.method ?? "GET", headers: { host: new URL(url).host, ...init.headers } });

/** Request headers the proxy hands on to the page (NextResponse.next encodes them on the response). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name.toLowerCase()}`);

describe("proxy", () => {
  it("refuses a cross-site POST to the API with 403 and a JSON body", async () => {
    const res = proxy(request("http://localhost:3000/api/trpc/tenants.mailboxes.create", { method: "POST", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "FORBIDDEN", message: expect.stringContaining("another site") });
    expect(res.headers.get("x-middleware-next")).toBeNull();
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("passes a same-origin POST, a GET, and the Stripe webhook from anywhere", () => {
    const same = proxy(request("http://localhost:3000/api/trpc/me.setLocale", { method: "POST", headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } }));
    expect(same.headers.get("x-middleware-next")).toBe("1");
    const read = proxy(request("http://localhost:3000/api/trpc/me.get", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }));
    expect(read.headers.get("x-middleware-next")).toBe("1");
    const webhook = proxy(request("http://localhost:3000/api/stripe/webhook", { method: "POST", headers: { "sec-fetch-site": "cross-site", origin: "https://stripe.com" } }));
    expect(webhook.headers.get("x-middleware-next")).toBe("1");
  });

  it("puts the security headers and a per-request nonce CSP on pages, and hands the nonce to Next", () => {
    const a = proxy(request("http://localhost:3000/console/mailboxes?page=2"));
    const b = proxy(request("http://localhost:3000/signin"));
    const csp = a.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("Content-Security-Policy")).not.toContain(nonce);
    expect(forwarded(a, "content-security-policy")).toBe(csp);
    expect(forwarded(a, "x-nonce")).toBe(nonce);
    for (const h of ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) expect(a.headers.get(h)).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(a.headers.get("Strict-Transport-Security")).toBeNull();
    expect(forwarded(a, REQUEST_PATH_HEADER)).toBe("/console/mailboxes?page=2");
    expect(forwarded(b, REQUEST_PATH_HEADER)).toBeNull();
  });

  it("sends HSTS only for a request that arrived over TLS", () => {
    expect(proxy(request("https://portal.example.com/console")).headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    // TRUSTED_PROXY_HOPS is 0 in tests: a client-sent X-Forwarded-Proto is not believed.
    expect(proxy(request("http://portal.example.com/console", { headers: { "x-forwarded-proto": "https" } })).headers.get("Strict-Transport-Security")).toBeNull();
  });
});
