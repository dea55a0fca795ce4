// The conditions of a bench run, printed with its figures: the machine, the software, how busy
// the box was, and what an fsync costs on the disk every target writes to (when it is nearly
// free, "durable" costs nothing here and the figures flatter every fsync design).
import { open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { serverOptions } from "@/server/shared/migrations/connection";
import { median } from "./stats";

/** Median time of write(2 KB) + fsync of a new file + fsync of its directory, in `dir`. */
export async function fsyncCostMs(dir: string, samples = 100): Promise<number> {
  const times: number[] = [];
  const buf = Buffer.alloc(2048, 0x61);
  const d = await open(dir, "r");
  try {
    for (let i = 0; i < samples; i++) {
      const file = path.join(dir, `fsync-probe-${i}`);
      const t0 = performance.now();
      const f = await open(file, "wx", 0o600);
      await f.write(buf);
      await f.sync();
      await f.close();
      await d.sync();
      times.push(performance.now() - t0);
      await rm(file);
    }
  } finally {
    await d.close();
  }
  return median(times);
}

export async function mariadbVersion(databaseUrl: string): Promise<string> {
  const c = await mysql.createConnection(serverOptions(databaseUrl));
  try {
    const [rows] = await c.query("SELECT VERSION() AS v");
    return String((rows as { v: string }[])[0]?.v ?? "?");
  } finally {
    await c.end();
  }
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "?";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`;
}

export const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(" / ");
