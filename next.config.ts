import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./server/shared/http-security";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const config: NextConfig = {
  // BullMQ and the database drivers are server-only Node packages; bundling them breaks them.
  serverExternalPackages: ["bullmq", "ioredis", "mariadb", "@node-rs/argon2", "mysql2"],
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
  // The fixed security headers also on what proxy.ts does not see (Next's static files); pages
  // and the API get them, with the CSP and HSTS, from the proxy (docs/security.md).
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return ["/_next/static/:path*", "/_next/image"].map((source) => ({ source, headers }));
  },
};

export default withNextIntl(config);
