import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ImportsPage } from "./imports-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** /console/imports: CSV import of mailboxes (template, upload, check, apply, history) and exports. */
export default async function ConsoleImportsPage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const t = await getTranslations("imports");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <ImportsPage />
    </>
  );
}
