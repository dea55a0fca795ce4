// CPU time of a server's process tree, from /proc (Linux): the figure that survives a noisy box.
// When other sessions load the 2 cores, msg/s falls for every target, but the CPU a target
// spends per message changes much less, so it shows what each would do on a quiet machine.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Stat = { ppid: number; pgrp: number; ticks: number };

/** Fields after the ")" that ends the command name: state(0) ppid(1) pgrp(2) … utime(11) stime(12) cutime(13) cstime(14). */
export function parseStat(text: string): Stat | null {
  const close = text.lastIndexOf(")");
  if (close < 0) return null;
  const f = text.slice(close + 2).split(" ");
  const [ppid, pgrp, utime, stime, cutime, cstime] = [f[1], f[2], f[11], f[12], f[13], f[14]].map(Number) as [number, number, number, number, number, number];
  if (![ppid, pgrp, utime, stime, cutime, cstime].every(Number.isFinite)) return null;
  // A reaped child's whole time (its own and its reaped children's) moves into the parent's
  // cutime/cstime, so summing all four over the live tree counts every process once.
  return { ppid, pgrp, ticks: utime + stime + cutime + cstime };
}

function allStats(): Map<number, Stat> {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = parseStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (s) stats.set(Number(name), s);
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}

/** CPU milliseconds used so far by `root` and all its live descendants (and the reaped ones they waited for). */
export function treeCpuMs(root: number): number {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const s = stats.get(pid);
    if (!s) continue;
    ticks += s.ticks;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The pids of the processes in process group `pgid`. */
export function processGroupMembers(pgid: number): number[] {
  return [...allStats()].filter(([, s]) => s.pgrp === pgid).map(([pid]) => pid);
}

/** The process group of `pid`, or null when it is gone. */
export function processGroupOf(pid: number): number | null {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"))?.pgrp ?? null;
  } catch {
    return null;
  }
}

/** MariaDB's server pid (Debian's pid file), or null when it cannot be read. */
export function mariadbPid(): number | null {
  try {
    return Number(readFileSync("/run/mysqld/mysqld.pid", "utf8").trim()) || null;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds so far of MariaDB's connection threads with these Linux thread ids
 * (PROCESSLIST.TID; one thread per connection): the database work done for one client, apart
 * from everyone else's on a shared server. InnoDB's background threads are not included.
 */
export function mariadbThreadsCpuMs(tids: readonly number[]): Map<number, number> {
  const pid = mariadbPid();
  const cpu = new Map<number, number>();
  if (!pid) return cpu;
  for (const tid of tids) {
    try {
      const s = parseStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"));
      if (s) cpu.set(tid, (s.ticks * 1000) / TICKS_PER_SECOND);
    } catch {
      // the connection closed
    }
  }
  return cpu;
}

/**
 * The CPU the threads present in both snapshots used between them. A connection opened in
 * between is left out: MariaDB reuses cached threads, so its counter may hold an earlier
 * client's time.
 */
export function threadsCpuDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ms = 0;
  for (const [tid, t1] of after) {
    const t0 = before.get(tid);
    if (t0 !== undefined) ms += t1 - t0;
  }
  return ms;
}
