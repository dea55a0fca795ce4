// Postfix as a bench peer (docs/engine-bench-research.md §1, appendix A): Debian's package,
// installed here if missing, run as a private instance (`postfix -c DIR`) in a temporary
// directory on its own port, delivering to a Maildir. Needs root. The "fair peer" settings of
// /work/shared/stack-notes.md: no peer-name lookup, no per-client connection limit (its default
// of 50 equals the load's concurrency), a log file (without one Postfix is slower). The stock
// in_flow_delay (1 s) is kept: it costs p99, not throughput (research §1c.5).
import { chown, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { execFileP, freePort, pidGone, sleep, waitForSmtp } from "./processes";

export const POSTFIX_SETTINGS = [
  "smtpd_peername_lookup = no",
  "smtpd_client_connection_count_limit = 0",
  "smtp_dns_support_level = disabled",
  "maillog_file (+ maillog_file_prefixes)",
  "in_flow_delay = 1s (stock)",
  "master.cf: chroot n",
];

/** Installs Debian's postfix without configuring a system MTA (research §1a); no-op when present. */
async function ensurePostfixInstalled(log: (s: string) => void): Promise<void> {
  if (existsSync("/usr/sbin/postfix")) return;
  log("installing Debian's postfix (no system configuration)…");
  await execFileP("sh", [
    "-c",
    "printf '%s\\n' 'postfix postfix/main_mailer_type select No configuration' 'postfix postfix/mailname string localhost' | debconf-set-selections && " +
      "(apt-get install -y --no-install-recommends postfix || (apt-get update && apt-get install -y --no-install-recommends postfix))",
  ], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, maxBuffer: 16 << 20 });
}

function mainCf(t: string): string {
  return `compatibility_level = 3.6
queue_directory = ${t}/queue
data_directory = ${t}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = pfbench.localhost
mydomain = bench.test
myorigin = $mydomain
mydestination = bench.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps = texthash:${t}/etc/aliases
alias_database =
local_recipient_maps = $alias_maps
default_privs = nobody
allow_mail_to_files = alias
default_transport = error:outbound disabled in bench
relay_transport = error:outbound disabled in bench
biff = no
smtputf8_enable = no
maillog_file = ${t}/log/postfix.log
maillog_file_prefixes = ${t}
smtpd_banner = $myhostname ESMTP
smtpd_peername_lookup = no
smtpd_client_connection_count_limit = 0
smtp_dns_support_level = disabled
`;
}

/** Debian's master.cf with no chroot anywhere (nothing to populate) and the port-25 smtpd moved to `port`. */
export function benchMasterCf(dist: string, port: number): string {
  let renamed = false;
  return dist
    .split("\n")
    .map((line) => {
      const f = line.split(/\s+/);
      if (!/^[a-z]/.test(line) || f.length < 8) return line;
      f[4] = "n";
      if (!renamed && f[0] === "smtp" && f[1] === "inet") {
        f[0] = `127.0.0.1:${port}`;
        renamed = true;
      }
      return f.join(" ");
    })
    .join("\n");
}

export type PostfixPeer = { port: number; version: string; dir: string; pid(): number | null; gone(): string | null; settle(): Promise<void>; delivered(): Promise<number>; stop(): Promise<void> };

export async function startPostfix(base: string, log: (s: string) => void): Promise<PostfixPeer> {
  if (process.getuid?.() !== 0) throw new Error("the Postfix peer needs root (it installs the package and runs a private instance): run the bench as root");
  await ensurePostfixInstalled(log);
  const version = (await execFileP("postconf", ["-d", "-h", "mail_version"])).stdout.trim();
  const port = await freePort();
  const t = await mkdtemp(path.join(base, "postfix-"));
  // mkdtemp makes 0700; the postfix and nobody users must traverse it.
  await chmod(t, 0o755);
  for (const d of ["etc", "queue", "data", "log", "Maildir/cur", "Maildir/new", "Maildir/tmp"]) await mkdir(path.join(t, d), { recursive: true });
  await writeFile(path.join(t, "etc/main.cf"), mainCf(t));
  // texthash takes "key value" (no colon); a value ending in "/" makes local(8) deliver to a Maildir.
  await writeFile(path.join(t, "etc/aliases"), `bench ${t}/Maildir/\n`);
  await writeFile(path.join(t, "etc/master.cf"), benchMasterCf(await readFile("/usr/share/postfix/master.cf.dist", "utf8"), port));
  const { stdout: ids } = await execFileP("sh", ["-c", "id -u postfix; id -g postfix; id -u nobody; getent group nogroup | cut -d: -f3"]);
  const [pfUid, pfGid, nobodyUid, nogroupGid] = ids.trim().split("\n").map(Number) as [number, number, number, number];
  await chown(path.join(t, "data"), pfUid, pfGid);
  // The aliases file is root's, so local(8) writes as default_privs (nobody).
  for (const d of ["Maildir", "Maildir/cur", "Maildir/new", "Maildir/tmp"]) await chown(path.join(t, d), nobodyUid, nogroupGid);
  const etc = path.join(t, "etc");
  try {
    await execFileP("postfix", ["-c", etc, "start"]);
  } catch (e) {
    const logText = await readFile(path.join(t, "log/postfix.log"), "utf8").catch(() => "");
    throw new Error(`postfix -c ${etc} start failed: ${(e as Error).message} ${logText.slice(-800)}`);
  }
  const stop = async () => {
    await execFileP("postfix", ["-c", etc, "stop"]).catch(() => {});
    await rm(t, { recursive: true, force: true });
  };
  try {
    await waitForSmtp(port, 20_000);
  } catch (e) {
    await stop();
    throw e;
  }
  // master(8) is the parent of every Postfix process of the instance (smtpd, cleanup, qmgr, local…).
  const masterPid = () => {
    try {
      return Number(readFileSync(path.join(t, "queue/pid/master.pid"), "utf8").trim()) || null;
    } catch {
      return null;
    }
  };
  const queued = async () => {
    let n = 0;
    for (const q of ["incoming", "active", "deferred", "maildrop"]) {
      n += (await readdir(path.join(t, "queue", q), { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length;
    }
    return n;
  };
  return {
    port,
    version: `Postfix ${version}`,
    dir: t,
    pid: masterPid,
    gone: () => pidGone(masterPid()),
    // Postfix answers 250 once the message is in its queue and delivers afterwards; wait for
    // that backlog so it does not eat into the next measured run (of any target).
    async settle() {
      for (let i = 0; i < 600 && (await queued()) > 0; i++) await sleep(100);
    },
    delivered: async () => (await readdir(path.join(t, "Maildir/new"))).length,
    stop,
  };
}
