import { withConnection } from "./line-connection";
import { runProbe } from "./probe-steps";
import type { MailTarget, ProbeOptions, ProbeResult } from "./probe.types";

/** Reachability of one public address: a TCP connect, nothing said (the other probes speak). */
export function probeNetwork(target: MailTarget, opts: ProbeOptions): Promise<ProbeResult> {
  return runProbe(() => withConnection(target, opts.timeoutMs, async () => {}));
}

/** "host:port,host:port" → targets ("[::1]:25" for IPv6). */
export function parseAddresses(list: string): MailTarget[] {
  return list.split(",").map((pair) => {
    const i = pair.lastIndexOf(":");
    return { host: pair.slice(0, i).replace(/^\[(.*)\]$/, "$1"), port: Number(pair.slice(i + 1)) };
  });
}
