import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { AnnouncementsTabs } from "@/app/_components/announcements/announcements-tabs";
import { ANNOUNCEMENT_TABS } from "@/app/_components/announcements/tab-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcements.pages"))("consoleTitle") };
}

/** 公告: what the platform and the reseller announced to the tenant, and its internal announcements. */
export default async function ConsoleAnnouncementsPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const [t, { tab }] = await Promise.all([getTranslations("announcements.pages"), searchParams]);
  return (
    <>
      <PageTitle>{t("consoleTitle")}</PageTitle>
      <AnnouncementsTabs scope="tenant" initialTab={ANNOUNCEMENT_TABS.find((k) => k === tab) ?? "received"} />
    </>
  );
}
