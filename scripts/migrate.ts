// `npm run migrate`: applies prisma/migrations to the database in DATABASE_URL (created when
// missing). The logic lives in server/shared/migrations so tests and the test harness use it too.
import { env, EnvError } from "@/server/shared/env";
import { DatabaseDownError, MARIADB_START_HINT } from "@/server/shared/migrations/connection";
import { MigrationError, migrate } from "@/server/shared/migrations/migrate";

try {
  await migrate({ databaseUrl: env().DATABASE_URL, log: (line) => console.log(`[migrate] ${line}`) });
} catch (e) {
  if (e instanceof DatabaseDownError) {
    console.error(`[migrate] ${e.message}.\n${MARIADB_START_HINT}`);
  } else if ((e as { code?: string }).code?.startsWith("ER_ACCESS_DENIED")) {
    console.error(
      `[migrate] MariaDB refused the login: ${(e as Error).message}.\n` +
        "For the local default (root, no password, over TCP) run `sudo bash scripts/services.sh` (npm start does), or set DATABASE_URL.",
    );
  } else if (e instanceof EnvError) {
    console.error(`[migrate] ${e.message}`);
  } else if (e instanceof MigrationError) {
    console.error(`[migrate] refused: ${e.message}`);
  } else {
    console.error("[migrate] failed:", e);
  }
  process.exitCode = 1;
}
