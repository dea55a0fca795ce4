import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { env } from "@/server/shared/env";
import { MailLogSearchView } from "./mail-log-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailLog"))("title") };
}

/** 收发信记录 (seed 000): the tenant's delivery log. */
export default async function ConsoleMailLogPage() {
  await connection();
  await requirePortalUser("tenant_admin");
  const t = await getTranslations("mailLog");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <MailLogSearchView days={env().MAIL_LOG_RETENTION_DAYS} />
    </>
  );
}
