import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { AuditLog } from "@/app/_components/audit/audit-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function OpsAuditPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("audit");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <AuditLog scope="operator" />
    </>
  );
}
