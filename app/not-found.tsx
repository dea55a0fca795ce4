import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { ROLE_HOME } from "@/server/auth/roles";
import { StatusPage } from "./_components/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("notFound") };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  const user = await currentUser();
  return (
    <StatusPage
      status="404"
      title={t("notFoundTitle")}
      text={t("notFoundText")}
      href={user ? ROLE_HOME[user.role] : "/signin"}
      linkText={user ? t("backHome") : t("goSignIn")}
    />
  );
}
