import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DomainWizard } from "@/app/(customer)/console/domains/domain-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

/** One of the client's domains in the DNS wizard; the domain is looked up within the client on the server. */
export default async function ClientDomainPage({ params }: { params: Promise<{ domainId: string }> }) {
  const { domainId } = await params;
  return <DomainWizard domainId={domainId} />;
}
