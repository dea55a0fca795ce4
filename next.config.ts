import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const config: NextConfig = {
  // BullMQ and the database drivers are server-only Node packages; bundling them breaks them.
  serverExternalPackages: ["bullmq", "ioredis", "mariadb", "@node-rs/argon2", "mysql2"],
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(config);
