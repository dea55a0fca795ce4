import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { OpsSecurity } from "./ops-security";
import { OPS_SECURITY_TABS, type OpsSecurityTab } from "./ops-security-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("securityPolicy"))("opsTitle") };
}

export default async function OpsSecurityPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("operator");
  const [{ tab }, t] = await Promise.all([searchParams, getTranslations("securityPolicy")]);
  const initial: OpsSecurityTab = OPS_SECURITY_TABS.find((k) => k === tab) ?? "platform";
  return (
    <>
      <PageTitle>{t("opsTitle")}</PageTitle>
      <SecondaryText>{t("opsSubtitle")}</SecondaryText>
      <div style={{ marginTop: 16 }}>
        <OpsSecurity initialTab={initial} />
      </div>
    </>
  );
}
