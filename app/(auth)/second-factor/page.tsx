import type { Metadata } from "next";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { ROLE_HOME } from "@/server/auth/roles";
import { SecondFactorEnrolment } from "./second-factor-enrolment";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountSecurity"))("secondFactor.title") };
}

/**
 * Where the portal gate sends a session whose policy requires a second factor it does not have
 * (operators always; tenants and the platform when they require it): enrol, then continue.
 */
export default async function SecondFactorPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (user.restriction !== "enrol_totp") redirect(ROLE_HOME[user.role]);
  return <SecondFactorEnrolment home={ROLE_HOME[user.role]} email={user.email} />;
}
