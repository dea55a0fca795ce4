import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { DomainsPage } from "./domains-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

/** /console/domains: the tenant's domains, adding and removing them. */
export default async function ConsoleDomainsPage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const t = await getTranslations("domains");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <DomainsPage />
    </>
  );
}
