import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { MonitoringDashboard } from "./monitoring-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("monitoring"))("title") };
}

/** /ops/monitoring: the platform's health, queues, mail flow, probes and backups on one page. */
export default async function OpsMonitoringPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("monitoring");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div style={{ marginBottom: 16 }}>
        <SecondaryText>{t("subtitle")}</SecondaryText>
      </div>
      <MonitoringDashboard />
    </>
  );
}
