import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ResellersManager } from "./resellers-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellersOps"))("title") };
}

export default async function OpsResellersPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("resellersOps");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <ResellersManager />
    </>
  );
}
