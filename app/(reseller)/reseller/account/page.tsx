import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { AccountPage } from "./account-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerAccount"))("title") };
}

/** The reseller's own account with the platform: what it owes, what its clients paid, its margin. */
export default async function ResellerAccountPage() {
  await connection();
  const user = await requirePortalUser("reseller");
  if (!user.resellerId) forbidden();
  const t = await getTranslations("resellerAccount");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <AccountPage />
    </>
  );
}
