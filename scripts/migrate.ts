// `npm run migrate`: applies prisma/migrations to the database in DATABASE_URL (created when
// missing). The logic lives in server/shared/migrations so tests and the test harness use it too.
import { env } from "@/server/shared/env";
import { DatabaseDownError, MigrationError, migrate } from "@/server/shared/migrations/migrate";

const START_HINT =
  "Start it with `npm start` (installs and starts MariaDB and Redis), or by hand:\n" +
  "  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld\n" +
  "  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql";

try {
  await migrate({ databaseUrl: env().DATABASE_URL, log: (line) => console.log(`[migrate] ${line}`) });
} catch (e) {
  if (e instanceof DatabaseDownError) {
    console.error(`[migrate] ${e.message}.\n${START_HINT}`);
  } else if (e instanceof MigrationError) {
    console.error(`[migrate] refused: ${e.message}`);
  } else {
    console.error("[migrate] failed:", e);
  }
  process.exitCode = 1;
}
