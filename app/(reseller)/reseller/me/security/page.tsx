import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { AccountSecurityPage } from "@/app/_components/security/account-security-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountSecurity"))("title") };
}

export default async function ResellerMySecurityPage() {
  await connection();
  await requirePortalUser("reseller");
  return <AccountSecurityPage />;
}
