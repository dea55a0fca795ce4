import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { installGreetingDelay } from "./greeting-delay";
import type { EngineServerOptions } from "./smtp-internals";
import { rawSmtp } from "./smtp-test-helpers";

// Pins the patched early-talker pause (greeting-delay.ts) to the installed smtp-server: an
// upgrade that changes its internals fails here instead of silently bringing the pause back.

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function serverWith(greetingDelay: number | undefined): Promise<number> {
  installGreetingDelay();
  const options: ConstructorParameters<typeof SMTPServer>[0] & EngineServerOptions = { greetingDelay, disableReverseLookup: true, authOptional: true, logger: false };
  const s = new SMTPServer(options);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  return (s.server.address() as AddressInfo).port;
}

describe("greeting delay", () => {
  it("greets at once with delay 0", async () => {
    const port = await serverWith(0);
    (await rawSmtp(port)).destroy(); // warm-up: the first connection of a process pays for lazy loading
    // The fastest of five: one slow greeting on a loaded box is scheduling, the stock pause never
    // greets in under 100 ms.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const c = await rawSmtp(port);
      try {
        expect(await c.reply()).toMatch(/^220 /);
        times.push(performance.now() - started);
      } finally {
        c.destroy();
      }
    }
    expect(Math.min(...times)).toBeLessThan(50);
  });

  it.each([100, undefined])("answers an early talker with 421 'You talk too soon' (delay %s)", async (delay) => {
    const port = await serverWith(delay);
    const c = await rawSmtp(port);
    c.write("EHLO early.test\r\n");
    expect(await c.reply()).toMatch(/^421 .*You talk too soon/);
    await c.closed;
  });

  it("holds the greeting for the configured time", async () => {
    const port = await serverWith(250);
    const started = performance.now();
    const c = await rawSmtp(port);
    expect(await c.reply()).toMatch(/^220 /);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    c.destroy();
  });
});
