import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientOverview } from "./client-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actingClient"))("sections.overview") };
}

/** /reseller/clients/<id>: the client at a glance (the layout checked the reseller's tree). */
export default async function ClientOverviewPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  return <ClientOverview tenantId={tenantId} />;
}
