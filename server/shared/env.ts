import { z } from "zod";
import nextEnv from "@next/env";

// The one place that reads process.env (architecture convention 7). Defaults make a local run
// work with nothing set; .env.local (AUTH_SECRET lives there) is loaded for scripts and
// workers the same way Next.js loads it for the portal.
// @next/env is CommonJS: under plain Node ESM (tsx) only the default export exists.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.map((p) => p + "//").join(" or ")}` },
  );

const port = () =>
  z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(0, "expected a port between 0 and 65535")
    .max(65535, "expected a port between 0 and 65535");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(["mysql:", "mariadb:"]).default("mysql://root@127.0.0.1:3306/mailstead"),
  REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
  PORT: z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(1, "expected a port between 1 and 65535")
    .max(65535, "expected a port between 1 and 65535")
    .default(3000),
  AUTH_SECRET: z
    .string({ message: "expected a secret of at least 32 characters (npm start generates one into .env.local)" })
    .min(32, "expected at least 32 characters (npm start generates one into .env.local)"),
  NEXTAUTH_URL: url(["http:", "https:"]).optional(),
  DATA_DIR: z.string().min(1, "expected a directory path").default("./data"),
  TZ_DEFAULT: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "expected an IANA time zone such as Asia/Shanghai")
    .default("Asia/Shanghai"),
  // Prefix for BullMQ keys so test files and parallel runs never share queues.
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, "expected letters, digits, - or _").default("mailstead"),
  // How many reverse proxies in front of the portal append to X-Forwarded-For (server/shared/ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ message: "expected a whole number of proxies" })
    .int("expected a whole number of proxies")
    .min(0, "expected 0 or more")
    .max(10, "expected at most 10")
    .default(0),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The provider's bank account shown on every bank-transfer order (对公汇款).
  BANK_ACCOUNT_NAME: z.string().min(1).default("Mailstead 邮件服务有限公司"),
  BANK_NAME: z.string().min(1).default("中国工商银行北京海淀支行"),
  BANK_ACCOUNT_NUMBER: z.string().min(1).default("0200 0045 0920 0188 263"),
  // The platform's own contact card, shown on the home of tenants that buy directly (a reseller's
  // clients see their reseller's card instead).
  PLATFORM_NAME: z.string().min(1).max(120).default("Mailstead 企业邮箱"),
  PLATFORM_SUPPORT_PHONE: z.string().min(1).max(40).default("400-800-0263"),
  PLATFORM_SUPPORT_EMAIL: z.string().email("expected an e-mail address").optional(),
  PLATFORM_SUPPORT_HOURS: z.string().min(1).max(120).default("7×24"),
  // Stripe is optional: without a secret key, bank transfer is the only way to pay.
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "expected a key like sk_test_…").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "expected a secret like whsec_…").optional(),
  // Where the Stripe client sends its calls; only tests point it elsewhere (a local recorder).
  STRIPE_API_URL: url(["http:", "https:"]).default("https://api.stripe.com"),
  // The public address of the portal, for links in e-mails and Stripe's return URLs.
  PUBLIC_URL: url(["http:", "https:"]).default("http://localhost:3000"),
  // Outgoing mail of the platform itself (reminders, invitations); the bundled engine by default.
  SMTP_URL: url(["smtp:", "smtps:"]).default("smtp://127.0.0.1:2525"),
  MAIL_FROM: z.string().min(3).default("Mailstead <billing@mailstead.local>"),
  // ── Domains: what customers point their DNS at (seed 003: mx-n… priority 5, mx1-n… priority 50).
  PLATFORM_DOMAIN: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "expected a domain name such as mailstead.net").default("mailstead.net"),
  // "host:priority" pairs; default mx-n.<PLATFORM_DOMAIN>:5,mx1-n.<PLATFORM_DOMAIN>:50.
  MX_HOSTS: z.string().regex(/^[a-z0-9.-]+:\d{1,5}(,[a-z0-9.-]+:\d{1,5})*$/i, "expected host:priority pairs, comma-separated").optional(),
  DMARC_REPORT_ADDRESS: z.string().email("expected an e-mail address").optional(),
  // 64 hex characters (32 bytes): the AES-256-GCM key of DKIM private keys. npm start generates one.
  DKIM_KEY_SECRET: z.string().regex(/^[0-9a-f]{64}$/i, "expected 64 hex characters (npm start generates one into .env.local)").optional(),
  // The DNS sandbox: an authoritative server of our own that the checker asks instead of the world.
  DNS_SANDBOX: z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
  DNS_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535, "expected a port between 1 and 65535").default(5353),
  // Comma-separated ip[:port]; default: the sandbox when it is on, else /etc/resolv.conf's nameservers.
  DNS_RESOLVERS: z.string().regex(/^[0-9a-f.:\[\]]+(,[0-9a-f.:\[\]]+)*$/i, "expected ip[:port] entries, comma-separated").optional(),
  DNS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
  // Background re-verification (issue 5): how often the tick looks for due domains, and how often
  // a domain is re-checked while new (its first 48 hours) and afterwards. Only the e2e server
  // shortens them, to watch a re-verification happen within a test.
  DOMAIN_CHECK_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  DOMAIN_RECHECK_NEW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  DOMAIN_RECHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  // ── Mail engine (issue 7). Local defaults avoid privileged ports; production uses 25, 587,
  // 465, 110 and 995. Port 0 asks the system for a free port (tests).
  MAIL_HOSTNAME: z.string().regex(/^[a-z0-9.-]+$/i, "expected a host name such as mx.mailstead.net").optional(),
  MAIL_BIND_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_MX_PORT: port().default(2525),
  SMTP_SUBMISSION_PORT: port().default(2587),
  SMTP_SUBMISSIONS_PORT: port().default(2465),
  POP3_PORT: port().default(2110),
  POP3S_PORT: port().default(2995),
  // PEM files; npm start generates a self-signed pair at these defaults (under DATA_DIR/tls).
  MAIL_TLS_CERT: z.string().min(1).optional(),
  MAIL_TLS_KEY: z.string().min(1).optional(),
  // smtp-server holds every greeting 100 ms to catch clients that talk too soon; see docs/engine.md.
  SMTP_MX_GREETING_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(0),
  SMTP_SUBMISSION_GREETING_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(0),
  // RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted.
  SMTP_MAX_RECIPIENTS: z.coerce.number().int().min(100, "RFC 5321 requires at least 100").max(10_000).default(100),
  // The SIZE advertised in EHLO; each recipient's plan may allow less.
  SMTP_MAX_MESSAGE_MB: z.coerce.number().int().min(1).max(1024).default(100),
  // How long the engine trusts what it looked up about an address, and a verified password.
  MAIL_CACHE_SECONDS: z.coerce.number().int().min(0).max(600).default(5),
  MAIL_AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // SIGTERM: sessions in flight get this long to finish before they are cut (below the 15 s the
  // start script waits before SIGKILL).
  MAIL_DRAIN_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  MAIL_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // ── Filtering (issue 8). rspamd's normal worker (scans) and controller (learning, stats);
  // npm start runs both with config/rspamd. The password is the controller's (enable_password).
  RSPAMD_URL: url(["http:", "https:"]).default("http://127.0.0.1:11333"),
  RSPAMD_CONTROLLER_URL: url(["http:", "https:"]).default("http://127.0.0.1:11334"),
  RSPAMD_PASSWORD: z.string().min(1).default("mailstead-local"),
  RSPAMD_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // clamd over TCP (config/clamav); npm start runs it with the project's own signatures.
  CLAMD_HOST: z.string().min(1).default("127.0.0.1"),
  CLAMD_PORT: port().default(3310),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  // SpamAssassin's spamd (scripts/services/spamd.sh): rspamd asks it for every scan
  // (config/rspamd/local.d/external_services.conf names the same port); the platform teaches
  // its Bayes through it.
  SPAMD_HOST: z.string().min(1).default("127.0.0.1"),
  SPAMD_PORT: port().default(11783),
  // Messages with rspamd (and through it spamd) at once per engine process; the rest wait in the
  // engine, and one that waits longer than SCAN_QUEUE_WAIT_SECONDS is deferred (451 4.3.2). The
  // wait plus rspamd's 14 s must stay below smtp-server's 60 s socket timeout
  // (server/mail/filter/scan-gate.ts).
  SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  SCAN_QUEUE_WAIT_SECONDS: z.coerce.number().int().min(1).max(40).default(30),
  // Filtering on the engine's paths: off only for the bench's "scanning off" run and for tests
  // of the bare engine.
  MAIL_FILTERS: z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
  // ── Outbound relay. The port remote MXes are dialled on: 25 in production; tests and the
  // bench point it at a local sink. Delivery concurrency per worker and per destination domain.
  OUTBOUND_SMTP_PORT: port().default(25),
  OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  OUTBOUND_PER_DOMAIN: z.coerce.number().int().min(1).max(100).default(5),
  OUTBOUND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  // How often the sweeper re-enqueues due outbox rows (the recovery path when Redis lost jobs).
  OUTBOUND_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Whether the relay dials exchange addresses that are not public (loopback, RFC 1918, link-local,
  // unique-local…). Refused by default: whoever controls a recipient domain's DNS would otherwise
  // make the relay connect to our internal services (SSRF) or loop mail back to ourselves. Only
  // tests, benchmarks and the local DNS sandbox (exchanges on 127.0.0.1) set "allow".
  OUTBOUND_PRIVATE_TARGETS: z.enum(["refuse", "allow"], { message: "expected refuse or allow" }).default("refuse"),
  // Abuse limit: outbound messages scored as spam within an hour that suspend a mailbox's sending.
  ABUSE_SPAM_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  QUARANTINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // ── SLA probes (issue 9, docs/probes.md). Uptime and e2e probes every SLA_PROBE_INTERVAL_SECONDS,
  // labelled spam/ham/virus samples every SLA_SPAM_PROBE_INTERVAL_SECONDS; each probe gives up
  // after SLA_PROBE_TIMEOUT_MS (the e2e probe after SLA_E2E_TIMEOUT_SECONDS).
  SLA_PROBE_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  SLA_SPAM_PROBE_INTERVAL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  SLA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SLA_E2E_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Where the probes run (a sample's location); default the host name.
  SLA_PROBE_LOCATION: z.string().regex(/^[\w.-]{1,64}$/, "expected up to 64 letters, digits, . _ or -").optional(),
  // The probe mailbox's password; npm start generates one into .env.local.
  SLA_PROBE_PASSWORD: z.string().min(16, "expected at least 16 characters (npm start generates one into .env.local)").optional(),
  // A PEM file of the CA that signed the mail listeners' certificate, for probes of a remote host.
  SLA_PROBE_TLS_CA: z.string().min(1).optional(),
  // The portal the http probe asks for /api/health; default http://127.0.0.1:<PORT>.
  SLA_PROBE_PORTAL_URL: url(["http:", "https:"]).optional(),
  // host:port pairs the network probe connects to; default the mail listeners and the portal.
  SLA_PUBLIC_ADDRESSES: z.string().regex(/^[a-z0-9.:\[\]-]+:\d{1,5}(,[a-z0-9.:\[\]-]+:\d{1,5})*$/i, "expected host:port pairs, comma-separated").optional(),
  // The sample writer: one multi-row INSERT at most this often (or at 500 rows).
  SLA_SAMPLE_FLUSH_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  // Probe host clock vs the database's: beyond this the samples' times are corrected.
  SLA_CLOCK_TOLERANCE_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  // ── SLA evidence and storage (issue 9, docs/sla.md): a UTC day is sealed this long after it
  // ends (late probe batches land first); raw samples are kept this many days, roll-ups longer.
  SLA_SEAL_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  SLA_SAMPLE_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(90),
  SLA_ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(32).max(7300).default(730),
  // Maintenance counts as announced in advance (its minutes excluded) when scheduled at least
  // this many hours before it starts (seed 002 appendix B: maintenance notified beforehand).
  SLA_MAINTENANCE_NOTICE_HOURS: z.coerce.number().int().min(0).max(720).default(24),
  // ── Security (issue 11). argon2id's cost: a hash made with other numbers is re-hashed with
  // these at its account's next successful sign-in. Defaults: OWASP's 19 MiB, 2 passes, 1 lane.
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8_192, "expected at least 8192 KiB").max(4_194_304).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).max(20).default(2),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(16).default(1),
  // The login log is kept this long (seed 001: at least 30 days; the table refuses younger deletes).
  LOGIN_LOG_RETENTION_DAYS: z.coerce.number().int().min(30, "expected at least 30 days").max(3650).default(90),
  // Per source address: sign-in form posts and password-reset requests per minute (HTTP 429 beyond).
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  PASSWORD_RESET_RATE_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  // Failed sign-ins from one address (any accounts) before that address is locked; see SecurityPolicy for accounts.
  IP_LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(100_000).default(50),
  IP_LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  IP_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  // How long a password-reset link works.
  PASSWORD_RESET_TOKEN_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  // ── Configuration backups (issue 12, docs/backups.md): where the files go (default
  // <DATA_DIR>/backups), how many to keep (seed 002 §7: daily, kept a week), and when the daily
  // run starts (cron, UTC; 19:00 UTC is 03:00 in China).
  BACKUP_DIR: z.string().min(1, "expected a directory path").optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1, "expected at least 1").max(365).default(7),
  BACKUP_CRON: z.string().regex(/^\S+( \S+){4,5}$/, "expected a cron pattern such as 0 19 * * *").default("0 19 * * *"),
  // ── Monitoring (issue 12, docs/monitoring.md). The bearer token Prometheus sends to /api/metrics
  // and to the engine's and workers' own endpoints; unset = every metrics endpoint is off.
  METRICS_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  // The mail engine's and the workers' metrics endpoints (GET /metrics); port 0 turns one off.
  ENGINE_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  ENGINE_METRICS_PORT: port().default(9465),
  WORKERS_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  WORKERS_METRICS_PORT: port().default(9466),
  // Where /api/health looks for the mail listeners (their greeting); default MAIL_BIND_HOST
  // (127.0.0.1 when that is 0.0.0.0 or ::), "off" on a portal host that cannot reach the engine.
  MAIL_HEALTH_HOST: z.string().min(1).optional(),
  // ── Provisioning API (issue 12, docs/api.md): requests per API key per minute (HTTP 429 beyond).
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses a set of variables; throws an EnvError naming each bad variable and what was expected. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "?");
    const got = source[name];
    const shown = got === undefined ? "it is not set" : `got ${JSON.stringify(name === "AUTH_SECRET" ? "<hidden>" : got)}`;
    return `  ${name}: ${issue.message}; ${shown}`;
  });
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated configuration, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed configuration, so a test that changed process.env sees its change. */
export function resetEnvCache(): void {
  cached = undefined;
}
