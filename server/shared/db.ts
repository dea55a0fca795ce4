import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "@/server/generated/prisma/client.ts";
import { env } from "./env";

export type Db = PrismaClient;

/** Builds a client for a mysql:// URL; the adapter speaks the MariaDB protocol. */
export function createDb(databaseUrl: string): PrismaClient {
  const u = new URL(databaseUrl);
  const adapter = new PrismaMariaDb({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ""),
    connectionLimit: Number(u.searchParams.get("connection_limit") ?? 10),
    // Store and read UTC whatever the server's zone (architecture convention 4).
    timezone: "Z",
  });
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as unknown as { __mailsteadDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    holder.__mailsteadDb ??= createDb(env().DATABASE_URL);
    const value = Reflect.get(holder.__mailsteadDb, prop);
    return typeof value === "function" ? value.bind(holder.__mailsteadDb) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.__mailsteadDb?.$disconnect();
  holder.__mailsteadDb = undefined;
}
