import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { BackupsPanel } from "./backups-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backups"))("title") };
}

/** /ops/backups: the configuration backups (seed 002 §7), "back up now", and how to restore. */
export default async function OpsBackupsPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("backups");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div style={{ marginBottom: 16 }}>
        <SecondaryText>{t("subtitle")}</SecondaryText>
      </div>
      <BackupsPanel />
    </>
  );
}
