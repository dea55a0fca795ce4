// Runs before each integration test file's own modules load (vitest setupFiles): gives the file
// a freshly migrated database of its own and a queue prefix of its own, so files can run in
// parallel workers without sharing anything, then removes both after the file's tests.
import { afterAll } from "vitest";
import { migrate } from "@/server/shared/migrations/migrate";
import { withDatabase } from "@/server/shared/migrations/connection";
import { createRedis } from "@/server/shared/redis";
import { baseDatabaseUrl, dropDatabase, SCRATCH_PREFIX, uniqueTestId } from "./scratch-db";

const id = uniqueTestId();
const queuePrefixName = `t_${id}`;
const database = `${SCRATCH_PREFIX}${id}`;
const databaseUrl = withDatabase(baseDatabaseUrl(), database);

// Applied with the real runner, so every test file also exercises the migrations.
await migrate({ databaseUrl });
process.env.DATABASE_URL = databaseUrl;
process.env.QUEUE_PREFIX = queuePrefixName;
// Every remote exchange of the tests is a sink on 127.0.0.1, which production refuses to dial;
// the test of that refusal sets "refuse" itself.
process.env.OUTBOUND_PRIVATE_TARGETS = "allow";

// db.ts and queues.ts keep their singletons on globalThis. A file that never opened them has
// nothing to close, and importing them only to close nothing costs ~300 ms (Prisma, bullmq).
const opened = globalThis as { __mailsteadDb?: unknown; __mailsteadQueues?: Map<string, unknown> };

afterAll(async () => {
  // Dynamic imports return the module instances the test file used (one module graph per file).
  await Promise.all([
    opened.__mailsteadDb && import("@/server/shared/db").then((m) => m.disconnectDb()),
    opened.__mailsteadQueues?.size && import("@/server/shared/queues").then((m) => m.closeQueues()),
  ]);
  // BullMQ keys are "bull:<QUEUE_PREFIX>:…" (queues.ts); other users of the prefix write "<QUEUE_PREFIX>:…".
  await Promise.all([dropDatabase(databaseUrl, database), deleteRedisKeys([`bull:${queuePrefixName}:*`, `${queuePrefixName}:*`])]);
});

async function deleteRedisKeys(patterns: string[]) {
  const redis = createRedis({ lazy: true });
  try {
    await redis.connect();
    for (const match of patterns) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", match, "COUNT", 500);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}
