import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { OpsSlaTabs } from "./ops-sla-tabs";
import { SLA_TABS } from "./sla-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("opsSla"))("title") };
}

/** 服务品质 for operators: every tenant's months, worst first, the credit review queue, and maintenance and incidents. */
export default async function OpsSlaPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("operator");
  const [t, { tab }] = await Promise.all([getTranslations("opsSla"), searchParams]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <OpsSlaTabs initialTab={SLA_TABS.find((k) => k === tab) ?? "months"} />
    </>
  );
}
