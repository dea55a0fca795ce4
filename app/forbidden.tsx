import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { ROLE_HOME } from "@/server/auth/roles";
import { StatusPage } from "./_components/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("forbidden") };
}

/** Rendered with status 403 when a portal's layout calls forbidden() for another role. */
export default async function Forbidden() {
  const t = await getTranslations("errors");
  const user = await currentUser();
  return (
    <StatusPage
      status="403"
      title={t("forbiddenTitle")}
      text={t("forbiddenText")}
      href={user ? ROLE_HOME[user.role] : "/signin"}
      linkText={user ? t("backHome") : t("goSignIn")}
    />
  );
}
