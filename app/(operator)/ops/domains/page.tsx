import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { OpsDomains } from "./ops-domains";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains.ops"))("title") };
}

/** /ops/domains: every tenant's domains, their states and DKIM keys, for operators. */
export default async function OpsDomainsPage() {
  await connection();
  await requirePortalUser("operator");
  const t = await getTranslations("domains.ops");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div style={{ marginBottom: 16 }}>
        <SecondaryText>{t("subtitle")}</SecondaryText>
      </div>
      <OpsDomains />
    </>
  );
}
