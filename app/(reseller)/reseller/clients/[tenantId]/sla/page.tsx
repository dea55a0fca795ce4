import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SlaPage } from "@/app/(customer)/console/sla/sla-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sla"))("title") };
}

/** The client's SLA reports and credits, as the client sees them. */
export default function ClientSlaPage() {
  return <SlaPage />;
}
