import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { env } from "@/server/shared/env";
import { QuarantineView } from "./quarantine-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quarantine"))("title") };
}

/** 隔离区: the tenant's held mail, to preview, release or delete. */
export default async function ConsoleQuarantinePage() {
  await connection();
  await requirePortalUser("tenant_admin");
  const t = await getTranslations("quarantine");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <QuarantineView scope="admin" days={env().QUARANTINE_DAYS} />
    </>
  );
}
