import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ProfileEditor } from "./profile-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerProfile"))("title") };
}

export default async function ResellerProfilePage() {
  await connection();
  await requirePortalUser("reseller");
  const t = await getTranslations("resellerProfile");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <ProfileEditor />
    </>
  );
}
