import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { MailboxesPage } from "./mailboxes-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailboxes"))("title") };
}

/** /console/mailboxes: the department tree, the tenant's mailboxes and their aliases, within the paid seats. */
export default async function ConsoleMailboxesPage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const t = await getTranslations("mailboxes");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <MailboxesPage />
    </>
  );
}
