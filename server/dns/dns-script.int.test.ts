import { spawn } from "node:child_process";
import dgram from "node:dgram";
import { createInterface } from "node:readline";
import { afterAll, expect, it } from "vitest";
import { setSandboxZone } from "./sandbox-records";
import { sandbox } from "./sandbox-records.types";
import { query } from "./resolver";

// `npm run dns` as a process: it starts on DNS_SANDBOX_PORT, says so, answers, and stops on SIGTERM.
let child: ReturnType<typeof spawn> | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((ok) => s.bind(0, "127.0.0.1", ok));
  const { port } = s.address();
  await new Promise<void>((ok) => s.close(ok));
  return port;
}

it("starts, logs where it listens, answers and stops cleanly on SIGTERM", async () => {
  await setSandboxZone("script.test", [sandbox.txt("script.test", "hello", "world")]);
  const port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", "scripts/dns.ts"], {
    env: { ...process.env, DNS_SANDBOX_PORT: String(port), LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${stderr.join("")}`)), 15_000);
    lines.on("line", (line) => {
      if (line.includes("DNS sandbox answering")) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child!.on("exit", (code) => reject(new Error(`exited with ${code}: ${stderr.join("")}`)));
  });
  expect(JSON.parse(ready)).toMatchObject({ level: "info", scope: "dns-sandbox", host: "127.0.0.1", port });

  const r = await query("script.test", "TXT", { host: "127.0.0.1", port });
  expect(r.records.map((t) => t.strings)).toEqual([["hello", "world"]]);

  const exited = new Promise<number | null>((ok) => child!.on("exit", (code) => ok(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
}, 30_000);
