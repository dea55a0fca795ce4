import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { AlertsTable } from "./alerts-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("opsAlerts"))("title") };
}

/** /ops/alerts: operator alerts (a mailbox suspended for sending spam, …), unacknowledged first. */
export default async function OpsAlertsPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("opsAlerts");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div style={{ marginBottom: 16 }}>
        <SecondaryText>{t("subtitle")}</SecondaryText>
      </div>
      <AlertsTable />
    </>
  );
}
