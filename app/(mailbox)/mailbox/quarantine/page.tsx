import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { QuarantineView } from "@/app/(customer)/console/quarantine/quarantine-view";
import { env } from "@/server/shared/env";
import { DeliveredToMeCard } from "./delivered-to-me-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quarantine"))("mine.title") };
}

/** 我的隔离邮件: the mailbox user's held mail ("not spam" releases it) and "report spam" on delivered mail. */
export default async function MailboxQuarantinePage() {
  await connection();
  await requirePortalUser("mailbox_user");
  const t = await getTranslations("quarantine");
  return (
    <>
      <PageTitle>{t("mine.title")}</PageTitle>
      <QuarantineView scope="mine" days={env().QUARANTINE_DAYS} />
      <div style={{ height: 16 }} />
      <DeliveredToMeCard />
    </>
  );
}
