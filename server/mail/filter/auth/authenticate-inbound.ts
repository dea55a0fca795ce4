import { authenticate, type DNSResolver } from "mailauth";
import { logger } from "@/server/shared/logger";
import type { DmarcSummary } from "./dmarc-decision";
import type { MailauthResolver } from "./mailauth-resolver";

// SPF, DKIM, DMARC and ARC for a message received on the MX listener, with mailauth (issue 8
// §3). The SMTP facts come from the session (never from Received lines the client wrote).
// BIMI is off: it fetches logos over HTTPS, which a mail server must not do while a client waits.

const log = logger("mail.filter.auth");

export type InboundAuth = {
  /** Received-SPF and Authentication-Results, each one unfolded line. */
  headers: string[];
  dmarc: DmarcSummary | null;
  /** SPF or a DKIM signature ended in temperror (a DNS lookup failed for now). */
  temperror: boolean;
  /** "spf=pass dkim=none dmarc=fail…" for the log. */
  summary: string;
};

export type InboundAuthInput = { bytes: Buffer; clientIp: string; helo: string; mailFrom: string };

const isTemp = (r: string | undefined) => r === "temperror" || r === "temperr";

/** Header block "Name: v\r\n cont\r\nName2: …" → one line per header (data-step writes lines, not folds). */
export function splitHeaderBlock(block: string): string[] {
  return block
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);
}

export async function authenticateInbound(input: InboundAuthInput, opts: { resolver: MailauthResolver; authservId: string }): Promise<InboundAuth> {
  try {
    const res = await authenticate(input.bytes, {
      ip: input.clientIp,
      helo: input.helo || undefined,
      // The null sender: mailauth then checks SPF for postmaster@<HELO> (RFC 7208 §2.4).
      sender: input.mailFrom || undefined,
      mta: opts.authservId,
      resolver: opts.resolver as unknown as DNSResolver,
      disableBimi: true,
      trustReceived: false,
    });
    const spf = res.spf ? res.spf.status.result : "none";
    const dkim = (res.dkim?.results ?? []).map((r) => r.status.result);
    const dmarc: DmarcSummary | null = res.dmarc
      ? {
          result: res.dmarc.status.result,
          policy: typeof res.dmarc.policy === "string" ? res.dmarc.policy.toLowerCase() : null,
          // The RFC5322.From domain itself (header.d); `domain` is its organisational domain.
          domain: typeof res.dmarc.status.header?.d === "string" ? res.dmarc.status.header.d : res.dmarc.domain,
          pct: typeof res.dmarc.pct === "number" ? res.dmarc.pct : null,
        }
      : null;
    return {
      headers: splitHeaderBlock(res.headers),
      dmarc,
      temperror: isTemp(spf) || dkim.some(isTemp),
      summary: `spf=${spf} dkim=${dkim.join(",") || "none"} dmarc=${dmarc?.result ?? "none"}`,
    };
  } catch (e) {
    // mailauth reports DNS trouble as results, not throws; an exception here is a bug or a
    // message it cannot parse at all. The message is still scanned and delivered: refusing it
    // (or deferring it forever) for our own failure would lose good mail.
    log.error("authentication checks failed", { error: e instanceof Error ? e.message : String(e) });
    return { headers: [`Authentication-Results: ${opts.authservId}; none (authentication checks failed)`], dmarc: null, temperror: false, summary: "error" };
  }
}
