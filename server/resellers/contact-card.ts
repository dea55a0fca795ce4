import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";

/** The card on a client's home (seed 001 area 4): whoever the tenant buys from. */
export type ContactCard = {
  kind: "reseller" | "platform";
  name: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  logo: string | null;
  hours: string | null;
};

/** The platform's own card, from configuration, for tenants that buy directly. */
export function platformCard(): ContactCard {
  const e = env();
  return {
    kind: "platform",
    name: e.PLATFORM_NAME,
    contactName: null,
    phone: e.PLATFORM_SUPPORT_PHONE,
    email: e.PLATFORM_SUPPORT_EMAIL ?? `support@${e.PLATFORM_DOMAIN}`,
    logo: null,
    hours: e.PLATFORM_SUPPORT_HOURS,
  };
}

/**
 * The tenant's reseller's card as the reseller maintains it, or the platform's. A sub-reseller's
 * client sees the sub-reseller (the one it deals with), not the parent.
 */
export async function contactCardFor(tenantId: string): Promise<ContactCard> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { reseller: { select: { name: true, contactName: true, contactPhone: true, contactEmail: true, logo: true, serviceHours: true } } },
  });
  const r = tenant?.reseller;
  if (!r) return platformCard();
  return { kind: "reseller", name: r.name, contactName: r.contactName, phone: r.contactPhone, email: r.contactEmail, logo: r.logo, hours: r.serviceHours };
}
