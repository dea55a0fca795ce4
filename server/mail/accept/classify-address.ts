import type { ListForDelivery } from "@/server/tenants/lists/load-list-for-delivery";
import { loadAddressTarget, type TargetMailbox } from "./load-address-target";
import { loadTenantAdmins } from "./load-tenant-admins";
import { loadPlatformDomain, type PlatformDomain } from "./load-platform-domain";
import { parseAddress, type ParsedAddress } from "./parse-address";

/**
 * Where an address leads, before any listener-specific decision: the envelope recipient and
 * every list member go through this one function, so both follow the same rules.
 */
export type Classified =
  | { kind: "bad_syntax"; why: string }
  /** No tenant has bound the domain. */
  | { kind: "foreign"; parsed: ParsedAddress }
  /** A platform domain that does not receive mail here yet, or any more (its MX points elsewhere). */
  | { kind: "not_ready"; parsed: ParsedAddress; domain: PlatformDomain }
  | { kind: "tenant_inactive"; parsed: ParsedAddress; domain: PlatformDomain }
  | { kind: "unknown"; parsed: ParsedAddress; domain: PlatformDomain }
  | { kind: "mailbox"; parsed: ParsedAddress; domain: PlatformDomain; mailbox: TargetMailbox }
  | { kind: "list"; parsed: ParsedAddress; domain: PlatformDomain; list: ListForDelivery }
  /** postmaster@ or abuse@ of a domain where no mailbox, alias or list has it: the tenant's admins. */
  | { kind: "role"; parsed: ParsedAddress; domain: PlatformDomain; admins: string[] };

/**
 * RFC 5321 §4.5.1 (postmaster) and RFC 2142 (abuse): every domain we receive for must take
 * them. The console reserves these local parts, so they reach the tenant's administrators.
 */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set(["postmaster", "abuse"]);

export async function classifyAddress(raw: string): Promise<Classified> {
  const checked = parseAddress(raw);
  if (!checked.ok) return { kind: "bad_syntax", why: checked.why };
  const parsed = checked.value;
  const domain = await loadPlatformDomain(parsed.domain);
  if (!domain) return { kind: "foreign", parsed };
  if (!domain.acceptsMail) return { kind: "not_ready", parsed, domain };
  if (!domain.tenantActive) return { kind: "tenant_inactive", parsed, domain };
  // An alias domain receives as its primary (glossary): zhang@alias.example is zhang@example
  // unless an address was created on the alias domain itself.
  let target = await loadAddressTarget(parsed.address);
  if (!target && domain.aliasOf) target = await loadAddressTarget(`${parsed.local}@${domain.aliasOf}`);
  if (!target && ROLE_LOCAL_PARTS.has(parsed.local)) return { kind: "role", parsed, domain, admins: await loadTenantAdmins(domain.tenantId) };
  if (!target) return { kind: "unknown", parsed, domain };
  return target.kind === "list" ? { kind: "list", parsed, domain, list: target.list } : { kind: "mailbox", parsed, domain, mailbox: target.mailbox };
}
