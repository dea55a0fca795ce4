import { db, type Db } from "./db";
import { env } from "./env";
import { Redis } from "ioredis";
import pkg from "@/package.json";
import { clamdPing } from "@/server/mail/filter/clamav/clamd-client";
import { spamdPing } from "@/server/mail/filter/spamassassin/spamd-client";
import { configuredServiceTargets, queryDns, readGreeting, type ServiceTargets } from "./health-services";

export type DependencyState = { ok: boolean; latencyMs: number; error?: string };
/**
 * `checks` are what the portal and the workers cannot run without: one down makes the status
 * "degraded" (503, a load balancer takes the node out) and workers/run.ts refuse to start.
 * `filters` are the mail scanners (issue 8): reported for operators, but never part of the
 * status, because the engine already handles them being down by answering 451 4.7.1 (mail is
 * deferred, never delivered unscanned), and the portal does not use them at all.
 * `services` are the platform's other processes (issue 12): the mail listeners (MX, submission,
 * POP3: their greeting) and the DNS sandbox when it is on. One down makes `services.status`
 * "degraded" but not the top `status`: the portal still serves without them, a load balancer
 * must not take it out for them, and the SLA's http probe reads the top status (the listeners
 * have their own probes). A listener with no fixed port (0) or MAIL_HEALTH_HOST=off is absent.
 */
export type Health = {
  status: "ok" | "degraded";
  version: string;
  checks: { mariadb: DependencyState; redis: DependencyState };
  filters: { rspamd: DependencyState; spamassassin: DependencyState; clamd: DependencyState };
  services: { status: "ok" | "degraded"; mx?: DependencyState; submission?: DependencyState; pop3?: DependencyState; dns?: DependencyState };
};

const TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<DependencyState> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: e instanceof Error ? e.message : String(e) };
  }
}

/** The state of each dependency the portal needs; a load balancer takes it out on 503. */
export async function checkHealth(
  deps: {
    database?: Db;
    redisUrl?: string;
    rspamdUrl?: string;
    spamd?: { host?: string; port?: number };
    clamd?: { host?: string; port?: number };
    services?: ServiceTargets;
  } = {},
): Promise<Health> {
  const database = deps.database ?? db;
  const [services, mariadb, redis, rspamd, spamassassin, clamd] = await Promise.all([
    deps.services ? checkServices(deps.services) : configuredServices(),
    timed(() => database.$queryRawUnsafe("SELECT 1")),
    timed(async () => {
      // A connection of its own that gives up at once: the check must not queue or retry.
      const r = new Redis(deps.redisUrl ?? env().REDIS_URL, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: TIMEOUT_MS,
        retryStrategy: () => null,
      });
      r.on("error", () => {}); // reported through the failed ping below
      try {
        await r.connect();
        await r.ping();
      } finally {
        r.disconnect();
      }
    }),
    timed(async () => {
      // rspamd's normal worker answers "pong" on /ping without scanning anything.
      const res = await fetch(new URL("/ping", deps.rspamdUrl ?? env().RSPAMD_URL), { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const body = (await res.text()).trim();
      if (!res.ok || body !== "pong") throw new Error(`/ping answered ${res.status} ${JSON.stringify(body.slice(0, 80))}`);
    }),
    timed(async () => {
      // rspamd asks spamd on every scan; without it every scan is a 451 (docs/spam.md).
      if (!(await spamdPing({ ...deps.spamd, timeoutMs: TIMEOUT_MS }))) throw new Error("no PONG to PING");
    }),
    timed(async () => {
      const host = deps.clamd?.host ?? env().CLAMD_HOST;
      const port = deps.clamd?.port ?? env().CLAMD_PORT;
      if (!(await clamdPing({ host, port, timeoutMs: TIMEOUT_MS }))) throw new Error(`no PONG to PING at ${host}:${port}`);
    }),
  ]);
  return {
    status: mariadb.ok && redis.ok ? "ok" : "degraded",
    version: pkg.version,
    checks: { mariadb, redis },
    filters: { rspamd, spamassassin, clamd },
    services,
  };
}

/**
 * /api/health is public, and each check of the services opens a connection to every mail
 * listener: uncached, a flood of health requests would become a flood of SMTP/POP3 sessions
 * from the portal (filling the listeners' connection limits and logs). So the configured
 * targets' answer is shared by concurrent callers and kept SERVICES_CACHE_MS.
 */
export const SERVICES_CACHE_MS = 5_000;
let servicesCache: { key: string; at: number; value: Promise<Health["services"]> } | null = null;

function configuredServices(): Promise<Health["services"]> {
  const targets = configuredServiceTargets();
  const key = JSON.stringify(targets, (_k, v: unknown) => (v instanceof RegExp ? v.source : v));
  const now = performance.now();
  if (!servicesCache || servicesCache.key !== key || now - servicesCache.at >= SERVICES_CACHE_MS) {
    servicesCache = { key, at: now, value: checkServices(targets) };
  }
  return servicesCache.value;
}

async function checkServices(targets: ServiceTargets): Promise<Health["services"]> {
  const names = Object.keys(targets.listeners) as (keyof ServiceTargets["listeners"])[];
  const [dns, ...states] = await Promise.all([
    targets.dns ? timed(() => queryDns(targets.dns!, TIMEOUT_MS)) : undefined,
    ...names.map((n) => timed(() => readGreeting(targets.listeners[n]!, TIMEOUT_MS))),
  ]);
  const found: Omit<Health["services"], "status"> = Object.fromEntries(names.map((n, i) => [n, states[i]!]));
  if (dns) found.dns = dns;
  const down = Object.values(found).some((s) => !s.ok);
  return { status: down ? "degraded" : "ok", ...found };
}

/** How long a process waits at start for MariaDB and Redis: a busy machine can take seconds to answer the first query. */
export const STARTUP_WAIT_MS = 30_000;
const STARTUP_RETRY_MS = 1_000;

/**
 * Checks the core dependencies until every one in `names` answers, or `waitMs` has passed;
 * returns the last report. A process started together with its services (npm start, the e2e
 * server) then waits for a slow first answer instead of exiting on it.
 */
export async function waitForDependencies(names: (keyof Health["checks"])[], waitMs = STARTUP_WAIT_MS): Promise<Health> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    // Only the core checks matter here: the listeners and the DNS sandbox are started alongside
    // (a not-yet-started sandbox would cost every round its full timeout).
    const health = await checkHealth({ services: { listeners: {}, dns: null } });
    if (names.every((n) => health.checks[n].ok) || Date.now() >= deadline) return health;
    await new Promise((r) => setTimeout(r, STARTUP_RETRY_MS));
  }
}
