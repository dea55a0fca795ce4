import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { BillingPage } from "./billing-page";
import { paidReferenceOf } from "./paid-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

/** /console/billing[?paid=<reference>]: Stripe sends the customer back here with the paid order's reference. */
export default async function ConsoleBillingPage({ searchParams }: { searchParams: Promise<{ paid?: string | string[] }> }) {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const [t, { paid }] = await Promise.all([getTranslations("billing"), searchParams]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <BillingPage paidReference={paidReferenceOf(paid)} />
    </>
  );
}
