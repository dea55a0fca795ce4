import { Registry } from "./registry";

// One registry per process, kept on globalThis: Next.js may load this module more than once
// (the custom server's copy and the route handler's bundle), and the portal's request counts
// taken in scripts/portal-server.ts must be the ones /api/metrics writes out.
const holder = globalThis as unknown as { __mailsteadMetrics?: Registry };

export function processRegistry(): Registry {
  holder.__mailsteadMetrics ??= new Registry();
  return holder.__mailsteadMetrics;
}
