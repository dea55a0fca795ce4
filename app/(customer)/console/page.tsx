import type { Metadata } from "next";
import { connection } from "next/server";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Col, Descriptions, Row, Tag } from "antd";
import { getConsoleHome } from "@/server/tenants/home/get-console-home";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import { BalanceReminder } from "./balance-reminder";
import { DomainWarning } from "./domain-warning";
import { HomeReminders } from "./home-reminders";
import { PlanCard } from "./plan-card";
import { AnnouncementsCard } from "@/app/_components/announcements/announcements-card";
import { ContactCardView } from "@/app/_components/contact-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("console") };
}

export default async function ConsoleHomePage() {
  await connection();
  const user = await requirePortalUser("tenant_admin");
  if (!user.tenantId) forbidden();
  const [home, t, th, tc, format] = await Promise.all([
    getConsoleHome(user.tenantId, user.id),
    getTranslations("home.console"),
    getTranslations("consoleHome"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const { tenant, previousLogin } = home;

  return (
    <>
      <PageTitle>{tenant.name}</PageTitle>
      <BalanceReminder tenantId={user.tenantId} />
      <DomainWarning />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <PlanCard plan={home.plan} />
        </Col>
        <Col xs={24} lg={12}>
          <HomeReminders reminders={home.reminders} security={home.security} />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("tenantCard")}>
            <Descriptions
              column={1}
              items={[
                { key: "name", label: t("tenantName"), children: tenant.name },
                { key: "status", label: t("status"), children: <TenantStatusTag status={tenant.status} /> },
                { key: "tz", label: t("timeZone"), children: tenant.timeZone },
                { key: "created", label: t("createdAt"), children: when(tenant.createdAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("loginCard")}>
            <Descriptions
              column={1}
              items={[
                { key: "at", label: t("lastLoginAt"), children: previousLogin ? when(previousLogin.at) : tc("never") },
                {
                  key: "ip",
                  label: t("lastLoginIp"),
                  children: previousLogin?.ipChanged ? (
                    <span data-testid="login-ip-changed">
                      <Tag color="warning">{t("ipChanged", { ip: previousLogin.ip ?? tc("none") })}</Tag>
                      <br />
                      <SecondaryText>{th("loginHighlight")}</SecondaryText>
                    </span>
                  ) : (
                    (previousLogin?.ip ?? tc("none"))
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ContactCardView card={home.contact} />
        </Col>
        <Col xs={24} lg={12}>
          <AnnouncementsCard reader="customer" viewAll="/console/announcements" />
        </Col>
      </Row>
    </>
  );
}
