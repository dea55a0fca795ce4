import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { SubResellersManager } from "./sub-resellers-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerProfile"))("subResellers.title") };
}

export default async function SubResellersPage() {
  await connection();
  await requirePortalUser("reseller");
  const t = await getTranslations("resellerProfile");
  return (
    <>
      <PageTitle>{t("subResellers.title")}</PageTitle>
      <SubResellersManager />
    </>
  );
}
