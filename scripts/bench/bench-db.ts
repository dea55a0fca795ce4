import mysql from "mysql2/promise";
import { migrate } from "@/server/shared/migrations/migrate";
import { serverOptions, withDatabase } from "@/server/shared/migrations/connection";

// What every bench script does with its own database: start from a freshly migrated one, drop it
// at the end unless --keep, and turn main()'s problems into the exit code.

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await mysql.createConnection(serverOptions(serverUrl));
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.end();
  }
}

/** Drops and re-creates `name` on the server of `baseUrl`, migrated; returns its URL. */
export async function freshBenchDatabase(baseUrl: string, name: string): Promise<string> {
  const url = withDatabase(baseUrl, name);
  await dropDatabase(baseUrl, name);
  await migrate({ databaseUrl: url });
  return url;
}

/** Drops the bench database, or says it was kept (`--keep`, to look at it afterwards). */
export async function dropBenchDatabase(baseUrl: string, name: string, keep: boolean): Promise<void> {
  if (keep) console.log(`kept database ${name}`);
  else await dropDatabase(baseUrl, name);
}

/** Prints the problems, and exits non-zero when there are any or main() threw. */
export function runBench(name: string, main: () => Promise<string[]>, cleanup: () => Promise<void> = async () => {}): void {
  main()
    .then((problems) => {
      for (const p of problems) console.error(`FAIL: ${p}`);
      process.exitCode = problems.length ? 1 : 0;
    })
    .catch((e) => {
      console.error(`${name} failed:`, e);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}
