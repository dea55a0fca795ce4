import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { BillingPage } from "./billing-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

/** /console/billing[?paid=<reference>]: Stripe sends the customer back here with the paid order's reference. */
export default async function ConsoleBillingPage({ searchParams }: { searchParams: Promise<{ paid?: string | string[] }> }) {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const [t, { paid }] = await Promise.all([getTranslations("billing"), searchParams]);
  // Only a well-formed reference is echoed back into the page.
  const reference = typeof paid === "string" && /^[A-Z0-9-]{4,20}$/i.test(paid) ? paid : null;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <BillingPage paidReference={reference} />
    </>
  );
}
