import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ListsPage } from "./lists-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists"))("title") };
}

/** /console/lists: the tenant's mailing lists (seed 001 §6.2), their members and sender policies. */
export default async function ConsoleListsPage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const t = await getTranslations("lists");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <ListsPage />
    </>
  );
}
