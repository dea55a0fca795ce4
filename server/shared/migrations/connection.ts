import mysql from "mysql2/promise";

// Turns a DATABASE_URL (mysql:// or mariadb://) into mysql2 options. The migration runner, the
// test harness and the drift check all speak raw SQL through mysql2, so they share this.

export type ServerOptions = mysql.ConnectionOptions;

/** The database a URL names; throws when there is none or it is not a plain identifier. */
export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redact(databaseUrl)}`);
  // Identifiers are interpolated into DDL (CREATE DATABASE `x`), so allow only safe characters.
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(name)) {
    throw new Error(`database name ${JSON.stringify(name)} must be 1–64 letters, digits, _, $ or -`);
  }
  return name;
}

/** The same server with another database (or none, for server-level work). */
export function withDatabase(databaseUrl: string, name: string | null): string {
  const u = new URL(databaseUrl);
  u.pathname = name ? `/${name}` : "/";
  return u.toString();
}

/** Connection options for the server a URL points at, without selecting its database. */
export function serverOptions(databaseUrl: string): ServerOptions {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username) || "root",
    password: decodeURIComponent(u.password),
    // Migrations are whole files of statements; tests use this to run scripts too.
    multipleStatements: true,
    timezone: "Z",
    connectTimeout: 5_000,
  };
}

/** host:port, for messages (never the password). */
export function serverLabel(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return `${u.hostname}:${u.port || 3306}`;
}

export function redact(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparsable URL>";
  }
}

const DOWN_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN", "PROTOCOL_CONNECTION_LOST"]);

/** True when an error means nothing answered at the address (as opposed to a refused login or bad SQL). */
export function isServerDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && DOWN_CODES.has(code)) return true;
  // mysql2 reports a connect timeout with this message and no code.
  return error instanceof Error && /connect ETIMEDOUT|connection timeout/i.test(error.message);
}

/** What to tell a person when MariaDB does not answer (scripts/services.sh does the same). */
export const MARIADB_START_HINT =
  "Start it with `npm start` (installs and starts MariaDB and Redis), or by hand:\n" +
  "  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld\n" +
  "  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql";

/** MariaDB did not answer at all; the message names the address. */
export class DatabaseDownError extends Error {
  override name = "DatabaseDownError";
}

/** Connects to the server of `databaseUrl`, turning "nothing answers" into a DatabaseDownError. */
export async function connectToServer(databaseUrl: string): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection(serverOptions(databaseUrl));
  } catch (e) {
    if (isServerDown(e)) {
      throw new DatabaseDownError(`MariaDB does not answer at ${serverLabel(databaseUrl)} (${(e as Error).message})`);
    }
    throw e;
  }
}

export function quoteIdent(name: string): string {
  return "`" + name.replace(/`/g, "``") + "`";
}
