// Haraka as a bench peer (docs/engine-bench-research.md §2): Haraka 3.3.4 from npm, installed
// into a cache directory outside the repository (reused by later runs; never in package.json),
// a service directory made with `haraka -i`, and a queue plugin that writes each message to a
// spool file and fsyncs the file and its directory before the 250 — the same durability the
// engine promises. Fair-peer settings (/work/shared/stack-notes.md): log level warn, no DNS
// plugins (the default mail_from.is_resolvable is dropped) and the core's reverse lookup answered
// locally; `nodes` is a parameter (the bench runs cpus and 0 and keeps the faster). Haraka
// ignores SIGTERM: it is stopped with SIGINT.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { childGone, execFileP, freePort, spawnServer, stopChild, waitForSmtp } from "./processes";

export const HARAKA_VERSION = "3.3.4";
const CACHE = path.join(os.homedir(), ".cache", "mailstead-bench", "haraka");
const HARAKA_DIR = path.join(CACHE, "node_modules", "Haraka");
const HARAKA_BIN = path.join(HARAKA_DIR, "bin", "haraka");

// The research's queue plugin (§2): open, write, fsync the file, fsync the directory, then OK.
const FSYNC_QUEUE_PLUGIN = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');
const SPOOL = process.env.HARAKA_SPOOL;
exports.register = function () { fs.mkdirSync(SPOOL, { recursive: true }); };
exports.hook_queue = function (next, connection) {
  const txn = connection.transaction;
  const file = path.join(SPOOL, txn.uuid + '.eml');
  txn.message_stream.get_data((buf) => {
    fs.open(file, 'wx', 0o600, (err, fd) => {
      if (err) return next(DENYSOFT, 'queue open failed');
      fs.write(fd, buf, 0, buf.length, null, (err) => {
        if (err) return fs.close(fd, () => next(DENYSOFT, 'write failed'));
        fs.fsync(fd, (err) => fs.close(fd, () => {
          if (err) return next(DENYSOFT, 'fsync failed');
          fs.open(SPOOL, 'r', (err, dfd) => {
            if (err) return next(DENYSOFT, 'dir open failed');
            fs.fsync(dfd, (err) => fs.close(dfd, () => err ? next(DENYSOFT, 'dir fsync failed') : next(OK, 'queued as ' + txn.uuid)));
          });
        }));
      });
    });
  });
};
`;

// The core asks the lookup_rdns hook before its own dns.reverse: answering here keeps DNS off the
// connection path, as the engine and Postfix (smtpd_peername_lookup = no) do.
const NO_RDNS_PLUGIN = `'use strict';
exports.hook_lookup_rdns = function (next) { next(OK, 'localhost'); };
`;

async function installedVersion(): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(path.join(HARAKA_DIR, "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** `npm install --prefix <cache> Haraka@3.3.4` unless that version is already there. */
async function ensureHarakaInstalled(log: (s: string) => void): Promise<void> {
  if (existsSync(HARAKA_BIN) && (await installedVersion()) === HARAKA_VERSION) return;
  log(`installing Haraka ${HARAKA_VERSION} into ${CACHE} (once)…`);
  await mkdir(CACHE, { recursive: true });
  await execFileP("npm", ["install", "--prefix", CACHE, "--no-audit", "--no-fund", `Haraka@${HARAKA_VERSION}`], { maxBuffer: 16 << 20 });
}

export type HarakaPeer = { port: number; nodes: string; version: string; pid(): number | null; gone(): string | null; settle(): Promise<void>; delivered(): Promise<number>; stop(): Promise<void> };

export async function startHaraka(base: string, nodes: "cpus" | "0", log: (s: string) => void): Promise<HarakaPeer> {
  await ensureHarakaInstalled(log);
  const port = await freePort();
  const t = await mkdtemp(path.join(base, `haraka-${nodes}-`));
  const srv = path.join(t, "srv");
  const spool = path.join(t, "spool");
  await execFileP(process.execPath, [HARAKA_BIN, "-i", srv]);
  const files: Record<string, string> = {
    "config/smtp.ini": `listen=127.0.0.1:${port}\nnodes=${nodes}\n`,
    "config/plugins": "bench_no_rdns\nrcpt_to.in_host_list\nqueue/fsync_file\n",
    "config/host_list": "bench.test\n",
    "config/me": "haraka.localhost\n",
    "config/log.ini": "[main]\nlevel=warn\n",
    "plugins/queue/fsync_file.js": FSYNC_QUEUE_PLUGIN,
    "plugins/bench_no_rdns.js": NO_RDNS_PLUGIN,
  };
  await mkdir(path.join(srv, "plugins", "queue"), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(srv, name), text);
  const child: ChildProcess = spawnServer(process.execPath, [HARAKA_BIN, "-c", srv], { cwd: t, env: { ...process.env, HARAKA_SPOOL: spool } });
  // Group kill: with nodes=cpus the cluster workers are children of this process.
  const stop = () => stopChild(child, "SIGINT", 10_000, true);
  try {
    await waitForSmtp(port, 30_000, () => child.exitCode === null);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port,
    nodes,
    version: `Haraka ${HARAKA_VERSION}`,
    pid: () => child.pid ?? null, // with nodes=cpus, the cluster master (its workers are its children)
    gone: () => childGone(child),
    settle: async () => {},
    delivered: async () => (await readdir(spool)).length,
    stop,
  };
}
