import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { createMailbox, createMailTenant, scratchDataDir, useTestTls } from "./mail-test-fixtures";
import { startEngine } from "./engine";
import { mailHostname } from "./paths";
import { expectCode, message, openSession, rawSmtp } from "./smtp/smtp-test-helpers";

// SIGTERM drain (issue 7 §6): new clients get 421 4.3.2 on a still-open listening socket,
// sessions in flight finish their transaction, then their next command gets 421 and the
// connection closes; and the entry file workers/mail-engine.ts around it.

const ZERO_PORTS = { mx: 0, submission: 0, submissions: 0, pop3: 0, pop3s: 0 };
let box: { id: string; address: string };
let data: { dir: string; cleanup(): Promise<void> };
// The filters' DNS checks (MX) ask a sandbox of this file's own, inherited by the child engine too.
let dns: SandboxServer;

beforeAll(async () => {
  await useTestTls();
  data = await scratchDataDir();
  box = await createMailbox(await createMailTenant());
  dns = await startSandboxServer({ port: 0 });
  process.env.DNS_RESOLVERS = `${dns.host}:${dns.port}`;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.MAIL_DRAIN_SECONDS;
  delete process.env.DNS_RESOLVERS;
  resetEnvCache();
  await dns?.close();
  await data?.cleanup();
});

describe("stop() drains", () => {
  it("refuses new clients with 421 4.3.2, lets a transaction in flight finish, then closes it", async () => {
    const engine = await startEngine({ host: "127.0.0.1", ports: ZERO_PORTS });
    const busy = await openSession(engine.ports.mx);
    await expectCode(busy.cmd("MAIL FROM:<inflight@outside.test>"), 250);
    await expectCode(busy.cmd(`RCPT TO:<${box.address}>`), 250);
    await expectCode(busy.cmd("DATA"), 354);
    const idle = await openSession(engine.ports.mx);

    const started = performance.now();
    const stopped = engine.stop();
    const shutting = `421 4.3.2 ${mailHostname()} Service shutting down`;
    expect(await idle.reply()).toBe(shutting);
    await idle.closed;
    for (const port of [engine.ports.mx, engine.ports.submission]) {
      const late = await rawSmtp(port);
      expect(await late.reply()).toBe(shutting);
      await late.closed;
    }

    const done = await busy.cmd(`${message({ from: "inflight@outside.test", to: box.address, subject: "in flight" })}.`);
    expect(done).toMatch(/^250 2\.0\.0 Ok: queued as /);
    expect(await busy.cmd("MAIL FROM:<again@outside.test>")).toBe(shutting);
    await busy.closed;
    await stopped;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await db.mailMessage.count({ where: { subject: "in flight" } })).toBe(1);
    await expect(rawSmtp(engine.ports.mx)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("ends sessions still open at MAIL_DRAIN_SECONDS", async () => {
    process.env.MAIL_DRAIN_SECONDS = "1";
    resetEnvCache();
    const engine = await startEngine({ host: "127.0.0.1", ports: ZERO_PORTS });
    const stuck = await openSession(engine.ports.mx);
    await expectCode(stuck.cmd("MAIL FROM:<slow@outside.test>"), 250);
    const started = performance.now();
    await engine.stop();
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(await stuck.reply()).toMatch(/^421 4\.3\.2 /);
    await stuck.closed;
  });
});

describe("workers/mail-engine.ts", () => {
  it("logs one 'engine listening' line with the ports, serves, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "workers/mail-engine.ts"], {
      env: { ...process.env, SMTP_MX_PORT: "0", SMTP_SUBMISSION_PORT: "0", SMTP_SUBMISSIONS_PORT: "0", POP3_PORT: "0", POP3S_PORT: "0", LOG_LEVEL: "warn", MAIL_BIND_HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", () => reject(new Error(`engine exited: ${stderr}`)));
      });
      const line = JSON.parse(first) as { level: string; scope: string; msg: string; ports: Record<string, number> };
      expect(line).toMatchObject({ level: "info", scope: "mail.engine", msg: "engine listening" });
      expect(Object.keys(line.ports).sort()).toEqual(["mx", "pop3", "pop3s", "submission", "submissions"]);
      for (const p of Object.values(line.ports)) expect(p).toBeGreaterThan(0);

      const c = await openSession(line.ports.mx!);
      await expectCode(c.cmd("MAIL FROM:<child@outside.test>"), 250);
      await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
      await expectCode(c.cmd("DATA"), 354);
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 200));
      expect(await c.cmd(`${message({ from: "child@outside.test", to: box.address, subject: "child drain" })}.`)).toMatch(/^250 /);
      expect(await c.cmd("NOOP")).toMatch(/^421 4\.3\.2 /);
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
