import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { ResellerDetail } from "./reseller-detail";
import { RESELLER_TABS, type ResellerTab } from "./reseller-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellersOps"))("detailTitle") };
}

export default async function OpsResellerPage({ params, searchParams }: { params: Promise<{ resellerId: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  await connection();
  await requirePortalUser("operator");
  const [{ resellerId }, { tab }] = await Promise.all([params, searchParams]);
  const initial: ResellerTab = RESELLER_TABS.find((k) => k === tab) ?? "profile";
  return <ResellerDetail resellerId={resellerId} initialTab={initial} />;
}
