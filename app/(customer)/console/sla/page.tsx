import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { SlaPage } from "./sla-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sla"))("title") };
}

/** 服务品质: the tenant's own SLA report, month by month (issue 9). */
export default async function ConsoleSlaPage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const t = await getTranslations("sla");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <SlaPage />
    </>
  );
}
