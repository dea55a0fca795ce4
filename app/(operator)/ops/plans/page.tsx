import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { PlansManager } from "./plans-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("title") };
}

export default async function OpsPlansPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("plans");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <PlansManager />
    </>
  );
}
