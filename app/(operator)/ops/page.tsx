import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Card, Col, Row, Statistic } from "antd";
import { getOpsOverview } from "@/server/portal/get-ops-overview";
import { listPlans } from "@/server/billing/plans/list-plans";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle } from "@/app/_components/typography";
import { PlansTable } from "./plans/plans-table";
import { AnnouncementsCard } from "@/app/_components/announcements/announcements-card";
import { SecurityNotices } from "@/app/_components/security/security-notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("ops") };
}

export default async function OpsHomePage() {
  await connection();
  const user = await requirePortalUser("operator");
  const [overview, plans, t] = await Promise.all([getOpsOverview(), listPlans(), getTranslations("home.ops")]);
  const counts = [
    { key: "tenants", value: overview.tenants },
    { key: "resellers", value: overview.resellers },
    { key: "users", value: overview.users },
    { key: "plans", value: overview.plans },
  ] as const;
  return (
    <>
      <PageTitle>{t("overview")}</PageTitle>
      <SecurityNotices user={user} />
      <Row gutter={[16, 16]}>
        {counts.map(({ key, value }) => (
          <Col key={key} xs={12} md={6}>
            <Card>
              <Statistic title={t(key)} value={value} />
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <AnnouncementsCard reader="operator" viewAll="/ops/announcements" />
        </Col>
        <Col span={24}>
          <Card title={t("planCatalogue")}>
            <PlansTable plans={plans} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
