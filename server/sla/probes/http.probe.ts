import { runProbe } from "./probe-steps";
import type { ProbeOptions, ProbeResult } from "./probe.types";

/** The portal: GET /api/health answers 200 with {"status":"ok"} (server/shared/health.ts). */
export function probeHttp(portalUrl: string, opts: ProbeOptions): Promise<ProbeResult> {
  return runProbe(async () => {
    const url = new URL("/api/health", portalUrl);
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: "manual" }).catch((e: unknown) => {
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
      throw new Error(e instanceof Error && e.name === "TimeoutError" ? `timed out after ${opts.timeoutMs} ms waiting for ${url.href}` : `${url.href} failed${cause || `: ${String(e)}`}`);
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url.href} answered ${res.status}: ${body.slice(0, 200)}`);
    let status: unknown;
    try {
      status = (JSON.parse(body) as { status?: unknown }).status;
    } catch {
      throw new Error(`${url.href} answered 200 with no JSON: ${body.slice(0, 200)}`);
    }
    if (status !== "ok") throw new Error(`${url.href} reports status ${JSON.stringify(status)}`);
  });
}
