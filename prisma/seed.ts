// `npm run seed`: the demo data (see prisma/seed/). Safe to run any number of times; `npm start`
// runs it after the migrations.
import { db, disconnectDb } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { closeQueues } from "@/server/shared/queues";
import { connectToServer, DatabaseDownError, MARIADB_START_HINT } from "@/server/shared/migrations/connection";
import { seedDemoData } from "./seed/seed-demo-data";
import { ensureProbeMailbox } from "@/server/sla/probes/probe-mailbox";

try {
  // Ask MariaDB first: the Prisma pool would only say "pool timeout" after 10 s.
  await (await connectToServer(env().DATABASE_URL)).end();
  const { created } = await seedDemoData(db, (line) => console.log(`[seed] ${line}`));
  console.log(`[seed] ${created.length ? `created ${created.length} item(s)` : "nothing to add: the demo data is there"}`);
  // The SLA probe mailbox (issue 9); npm start has put SLA_PROBE_PASSWORD into .env.local.
  if (env().SLA_PROBE_PASSWORD) {
    const probe = await ensureProbeMailbox();
    console.log(`[seed] ${probe.repaired.length ? `probe mailbox ${probe.address}: ${probe.repaired.join(", ")}` : `exists  probe mailbox ${probe.address}`}`);
  }
} catch (e) {
  if (e instanceof DatabaseDownError) {
    console.error(`[seed] ${e.message}.\n${MARIADB_START_HINT}`);
  } else {
    console.error(`[seed] failed: ${e instanceof Error ? e.message : String(e)}`);
    console.error("[seed] has the database been migrated? `npm run migrate` applies the migrations (`npm start` does both).");
  }
  process.exitCode = 1;
} finally {
  await disconnectDb();
  // The demo mailbox queues its welcome letter: close the queue's Redis connection, or the process stays up.
  await closeQueues();
}
