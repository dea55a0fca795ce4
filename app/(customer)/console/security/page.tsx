import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { ConsoleSecurity } from "./console-security";
import { SECURITY_TABS, type SecurityTab } from "./security-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("securityPolicy"))("title") };
}

export default async function ConsoleSecurityPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("tenant_admin");
  const [{ tab }, t] = await Promise.all([searchParams, getTranslations("securityPolicy")]);
  const initial: SecurityTab = SECURITY_TABS.find((k) => k === tab) ?? "password";
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <SecondaryText>{t("subtitle")}</SecondaryText>
      <div style={{ marginTop: 16 }}>
        <ConsoleSecurity initialTab={initial} />
      </div>
    </>
  );
}
