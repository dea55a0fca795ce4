import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ClientsDashboard } from "./clients-dashboard";
import { AnnouncementsCard } from "@/app/_components/announcements/announcements-card";
import { SecurityNotices } from "@/app/_components/security/security-notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("reseller") };
}

/** The reseller's home: its clients' dashboard (the data loads in the browser, filtered there). */
export default async function ResellerHomePage() {
  await connection();
  const user = await requirePortalUser("reseller");
  if (!user.resellerId) forbidden();
  const t = await getTranslations("resellerClients");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <SecurityNotices user={user} />
      <ClientsDashboard announcements={<AnnouncementsCard reader="reseller" viewAll="/reseller/announcements" />} />
    </>
  );
}
