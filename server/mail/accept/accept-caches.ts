import { env } from "@/server/shared/env";
import { TtlCache } from "./ttl-cache";
import type { AddressTarget } from "./load-address-target";
import type { PlatformDomain } from "./load-platform-domain";

// What the RCPT check reads, kept for MAIL_CACHE_SECONDS (default 5) so that a busy MX asks
// MariaDB nothing for addresses it saw a moment ago (stack-notes: ~1,500 msg/s leave no room for
// per-command queries). The price: a change in the console (new mailbox, disabled mailbox,
// suspended tenant, domain state) reaches the engine up to that many seconds late, and the quota
// check reads Mailbox.usedBytes as it was up to that many seconds ago, so a mailbox can go over
// its quota by what arrives in that window. Unknown addresses are cached too: a dictionary
// attack then costs one query per address per window, not one per RCPT.
const ttlMs = () => env().MAIL_CACHE_SECONDS * 1000;

/** By ASCII domain name; null = not one of the platform's domains. */
export const domainCache = new TtlCache<PlatformDomain | null>({ maxEntries: 20_000, ttlMs });

/** By full lower-case address; null = no MailAddress row. */
export const addressCache = new TtlCache<AddressTarget | null>({ maxEntries: 200_000, ttlMs });

/** By tenant id: its administrators' addresses (postmaster@ and abuse@ go to them). */
export const adminsCache = new TtlCache<string[]>({ maxEntries: 20_000, ttlMs });
