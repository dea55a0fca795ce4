// Once per `vitest run` of the integration project: fail early, with the fix, when MariaDB or
// Redis does not answer (rather than every file timing out), and drop scratch databases and
// queue keys that runs killed before their teardown left behind.
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { parseEnv } from "@/server/shared/env";
import { isServerDown, serverLabel } from "@/server/shared/migrations/connection";
import { baseDatabaseUrl, dropDatabase, runOnServer, scratchOwnerPid, SCRATCH_PREFIX } from "./scratch-db";

const HOW_TO_START =
  "`npm test` and `npm start` start the services; by hand: start-stop-daemon --start --oknodo --background " +
  "--exec /usr/sbin/mariadbd -- --user=mysql  /  redis-server --daemonize yes --bind 127.0.0.1 --port 6379";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function dropStaleDatabases(url: string) {
  let rows: { name: string }[];
  try {
    rows = (await runOnServer(url, `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${SCRATCH_PREFIX}%'`)) as {
      name: string;
    }[];
  } catch (e) {
    if (isServerDown(e)) throw new Error(`MariaDB does not answer at ${serverLabel(url)}. ${HOW_TO_START}`);
    throw e;
  }
  const stale = rows.map((r) => r.name).filter((name) => {
    const pid = scratchOwnerPid(name);
    return pid !== null && !alive(pid);
  });
  for (const name of stale) await dropDatabase(url, name);
}

async function dropStaleQueueKeys(redisUrl: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
  redis.on("error", () => {}); // reported by the failed connect below
  try {
    await redis.connect();
  } catch {
    throw new Error(`Redis does not answer at ${redisUrl}. ${HOW_TO_START}`);
  }
  try {
    let cursor = "0";
    const stale: string[] = [];
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", "bull:t_*", "COUNT", 1000);
      cursor = next;
      for (const key of keys) {
        const pid = Number(/^bull:t_(\d+)_/.exec(key)?.[1]);
        if (pid && !alive(pid)) stale.push(key);
      }
    } while (cursor !== "0");
    for (let i = 0; i < stale.length; i += 500) await redis.unlink(...stale.slice(i, i + 500));
  } finally {
    redis.disconnect();
  }
}

export default async function setup(project: TestProject) {
  // The test env (AUTH_SECRET, NODE_ENV…) reaches the workers but not this main process.
  for (const [key, value] of Object.entries(project.config.env ?? {})) process.env[key] ??= String(value);
  const url = baseDatabaseUrl();
  await Promise.all([dropStaleDatabases(url), dropStaleQueueKeys(parseEnv(process.env).REDIS_URL)]);
}
