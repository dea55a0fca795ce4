import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { DomainWizard } from "../domain-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

/** /console/domains/<id>: the DNS wizard of one of the tenant's domains. */
export default async function ConsoleDomainPage({ params }: { params: Promise<{ domainId: string }> }) {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const { domainId } = await params;
  return <DomainWizard domainId={domainId} />;
}
