import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillingPage } from "@/app/(customer)/console/billing/billing-page";
import { paidReferenceOf } from "@/app/(customer)/console/billing/paid-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

/** The client's billing as its own admin sees it, ordered and paid by the reseller (the layout checked the tree). */
export default async function ClientBillingPage({ searchParams }: { searchParams: Promise<{ paid?: string | string[] }> }) {
  const { paid } = await searchParams;
  return <BillingPage paidReference={paidReferenceOf(paid)} />;
}
