import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { AnnouncementsTabs } from "@/app/_components/announcements/announcements-tabs";
import { ANNOUNCEMENT_TABS } from "@/app/_components/announcements/tab-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcements.pages"))("resellerTitle") };
}

/** 公告: the platform's announcements to resellers, and the reseller's own to its clients. */
export default async function ResellerAnnouncementsPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("reseller");
  const [t, { tab }] = await Promise.all([getTranslations("announcements.pages"), searchParams]);
  return (
    <>
      <PageTitle>{t("resellerTitle")}</PageTitle>
      <AnnouncementsTabs scope="reseller" initialTab={ANNOUNCEMENT_TABS.find((k) => k === tab) ?? "received"} />
    </>
  );
}
