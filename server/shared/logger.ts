import { env } from "./env";

// One-line JSON logs: the start script prefixes each process's lines, and a machine can parse them.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function write(level: Level, scope: string, msg: string, fields?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  // Wall-clock time on purpose, not clock.now(): a test that pins the clock still logs real time.
  const line = JSON.stringify({ t: new Date().toISOString(), level, scope, msg, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export function logger(scope: string) {
  return {
    debug: (msg: string, fields?: Record<string, unknown>) => write("debug", scope, msg, fields),
    info: (msg: string, fields?: Record<string, unknown>) => write("info", scope, msg, fields),
    warn: (msg: string, fields?: Record<string, unknown>) => write("warn", scope, msg, fields),
    error: (msg: string, fields?: Record<string, unknown>) => write("error", scope, msg, fields),
  };
}
