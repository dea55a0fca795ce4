import { DomainError } from "@/server/shared/errors";
import { parseIp } from "@/server/auth/ip-rules/ip-address";
import { evaluateIpRules } from "@/server/auth/ip-rules/evaluate-ip-rules";
import { listIpRules } from "./list-ip-rules";

export type ChannelOutcome = { action: "allow" | "deny"; matched: string | null; fallback: "allow" | "deny" };
export type IpAccessPreview = { ip: string | null; own: boolean; web: ChannelOutcome; mail: ChannelOutcome };

/**
 * Would this address be let in on the web portal and by mail clients, under the tenant's rules as
 * they stand? The same evaluation the sign-in gate runs (evaluateIpRules). Without an address,
 * the caller's own: the settings page shows it so an admin sees what a change would do to them.
 */
export async function previewIpAccess(tenantId: string, asked: string | null | undefined, callerIp: string | null): Promise<IpAccessPreview> {
  const ip = asked?.trim() || null;
  const parsed = ip ? parseIp(ip) : null;
  if (parsed && !parsed.ok) throw new DomainError("BAD_INPUT", parsed.reason, { ip: [parsed.reason] });
  const target = ip ?? callerIp;
  const { rules, defaults } = await listIpRules(tenantId);
  const outcome = (channel: "web" | "mail"): ChannelOutcome => ({
    ...evaluateIpRules(
      rules.filter((r) => r.channel === channel),
      defaults[channel],
      target,
    ),
    fallback: defaults[channel],
  });
  return { ip: target, own: !ip, web: outcome("web"), mail: outcome("mail") };
}
