import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { LoginLog } from "@/app/_components/login-log/login-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loginLog"))("title") };
}

export default async function ConsoleLoginLogPage() {
  await connection();
  await requirePortalUser("tenant_admin");
  const t = await getTranslations("loginLog");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <LoginLog scope="tenant" />
    </>
  );
}
