import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "antd";
import { listClientTenants } from "@/server/resellers/list-client-tenants";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { ClientTenantTable } from "./client-tenant-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("reseller") };
}

export default async function ResellerHomePage() {
  await connection();
  const user = await requirePortalUser("reseller");
  if (!user.resellerId) forbidden();
  const [rows, t] = await Promise.all([listClientTenants(user.resellerId), getTranslations("home.reseller")]);
  return (
    <>
      <PageTitle>{t("clientTenants")}</PageTitle>
      <Card>
        <ClientTenantTable rows={rows} />
      </Card>
    </>
  );
}
