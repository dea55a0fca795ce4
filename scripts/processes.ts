// The processes `npm start` (mode "prod") and `npm run dev` (mode "dev") run together.
// Later parts of Mailstead (probes, rspamd) add their entries here.
import type { ProcessSpec } from "./supervisor";

export function processes(mode: "prod" | "dev", port: number, dnsSandbox = false): ProcessSpec[] {
  const portal: ProcessSpec =
    mode === "prod"
      ? // Our own HTTP server in front of Next.js: the client address comes from the socket.
        { name: "portal", command: process.execPath, args: ["--import", "tsx", "scripts/portal-server.ts", "-p", String(port)] }
      : { name: "portal", command: "node_modules/.bin/next", args: ["dev", "-p", String(port)] };
  const workers: ProcessSpec =
    mode === "prod"
      ? // node --import tsx rather than the tsx CLI: one process, which gets signals directly.
        { name: "workers", command: process.execPath, args: ["--import", "tsx", "workers/run.ts"] }
      : { name: "workers", command: "node_modules/.bin/tsx", args: ["watch", "workers/run.ts"] };
  // The DNS sandbox (npm run dns) only where it is on: the supervisor stops everything when a
  // child exits, and a machine using real resolvers has no use for it.
  const dns: ProcessSpec =
    mode === "prod"
      ? { name: "dns", command: process.execPath, args: ["--import", "tsx", "scripts/dns.ts"] }
      : { name: "dns", command: "node_modules/.bin/tsx", args: ["watch", "scripts/dns.ts"] };
  // The mail engine (issue 7): its own process, so a slow portal build or a busy worker never
  // delays an SMTP reply, and SIGTERM drains its sessions (421 4.3.2) before it exits.
  const mail: ProcessSpec =
    mode === "prod"
      ? { name: "mail", command: process.execPath, args: ["--import", "tsx", "workers/mail-engine.ts"] }
      : { name: "mail", command: "node_modules/.bin/tsx", args: ["watch", "workers/mail-engine.ts"] };
  // The SLA probes (issue 9): their own process, so a busy worker never delays a measurement.
  const probes: ProcessSpec =
    mode === "prod"
      ? { name: "probes", command: process.execPath, args: ["--import", "tsx", "probes/run.ts"] }
      : { name: "probes", command: "node_modules/.bin/tsx", args: ["watch", "probes/run.ts"] };
  return [portal, workers, mail, probes, ...(dnsSandbox ? [dns] : [])];
}
