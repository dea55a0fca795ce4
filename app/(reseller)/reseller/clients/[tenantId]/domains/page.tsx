import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DomainsPage } from "@/app/(customer)/console/domains/domains-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

/** The client's domains: the same wizard as the client's console, bound and verified by the reseller. */
export default function ClientDomainsPage() {
  return <DomainsPage />;
}
