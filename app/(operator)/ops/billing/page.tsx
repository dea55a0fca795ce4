import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { OpsBillingTabs } from "./ops-billing-tabs";
import { isBillingTab } from "./billing-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("opsBilling"))("title") };
}

export default async function OpsBillingPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("operator");
  const [t, { tab }] = await Promise.all([getTranslations("opsBilling"), searchParams]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <OpsBillingTabs initialTab={typeof tab === "string" && isBillingTab(tab) ? tab : "overview"} />
    </>
  );
}
