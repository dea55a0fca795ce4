import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (pure, no services) and `integration` (*.int.test.ts, real MariaDB and
// Redis; each test file gets its own freshly migrated database from the setup file).
// Run one with `npx vitest run --project unit` or a single file with `npx vitest run path`.
const root = fileURLToPath(new URL(".", import.meta.url));

const EXCLUDE = ["**/node_modules/**", "**/.next/**", "e2e/**", "test-results/**", "playwright-report/**"];

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
  test: {
    env: {
      NODE_ENV: "test",
      // A fixed secret so sessions signed in one test verify in another; never used outside tests.
      AUTH_SECRET: "test-secret-0123456789abcdefghijklmnopqr",
      LOG_LEVEL: "warn",
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["**/*.test.ts"], exclude: [...EXCLUDE, "**/*.int.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: EXCLUDE,
          globalSetup: ["server/test/global-setup-integration.ts"],
          setupFiles: ["server/test/setup-integration.ts"],
          // The setup file points env() at a new database per file; that needs a fresh module
          // graph (and so a fresh env() cache and Prisma client) per file, which is the default.
          isolate: true,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
