// `npm run dns`: the DNS sandbox (server/dns/sandbox-server.ts) in the foreground. Part of
// `npm start` via scripts/processes.ts. Stops cleanly on SIGINT/SIGTERM.
import { env, EnvError } from "@/server/shared/env";
import { disconnectDb } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { startSandboxServer } from "@/server/dns/sandbox-server";

const log = logger("dns-sandbox");

async function main() {
  const server = await startSandboxServer({ port: env().DNS_SANDBOX_PORT });
  log.info(`DNS sandbox answering on ${server.host}:${server.port} (UDP and TCP)`, { host: server.host, port: server.port });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("DNS sandbox stopping", { signal });
    await server.close();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: Error) => {
  if (e instanceof EnvError) process.stderr.write(`${e.message}\n`);
  else if ((e as { code?: string }).code === "P2021") process.stderr.write("DNS sandbox: the database has no SandboxRecord table yet (run npm run migrate)\n");
  else if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") process.stderr.write(`DNS sandbox: port ${env().DNS_SANDBOX_PORT} is already in use (set DNS_SANDBOX_PORT)\n`);
  else process.stderr.write(`DNS sandbox failed to start: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
