import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ManageAnnouncements } from "@/app/_components/announcements/manage-announcements";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcements.pages"))("opsTitle") };
}

/** 公告管理: the platform's announcements (maintenance windows' included), history and all. */
export default async function OpsAnnouncementsPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("announcements.pages");
  return (
    <>
      <PageTitle>{t("opsTitle")}</PageTitle>
      <ManageAnnouncements scope="platform" />
    </>
  );
}
