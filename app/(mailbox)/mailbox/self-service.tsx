"use client";

import { useTranslations, useFormatter } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Descriptions, Empty, Progress, Row, Skeleton, Tag } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { PageTitle } from "@/app/_components/typography";
import { ChangePasswordForm } from "./change-password-form";
import { formatSize } from "./format-size";
import { MyMailLogCard } from "./my-mail-log-card";
import { MailboxAnnouncements } from "@/app/_components/announcements/mailbox-announcements";

/**
 * The mailbox user's page: until the admin's initial password is replaced, only the form to
 * replace it; then the mailbox, its quota and aliases, the form to change the password, and the
 * delivery status of the user's own messages (kept `mailLogDays` days).
 */
export function SelfService({ mailLogDays }: { mailLogDays: number }) {
  const t = useTranslations("selfService");
  const format = useFormatter();
  const trpc = useTRPC();
  const mine = useQuery(trpc.tenants.selfService.get.queryOptions());
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={mine.error.message} />;
  const m = mine.data;

  if (m.mustChangePassword) {
    return (
      <>
        <PageTitle>{t("firstTitle")}</PageTitle>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16, maxWidth: 560 }}
          title={t(m.passwordExpired ? "expiredTitle" : "mustChangeTitle")}
          description={t(m.passwordExpired ? "expiredBody" : "mustChangeBody", { address: m.address })}
        />
        <Card style={{ maxWidth: 560 }}>
          <ChangePasswordForm address={m.address} />
        </Card>
      </>
    );
  }

  const totalBytes = m.quota.totalMb * 1024 * 1024;
  const percent = totalBytes > 0 ? Math.min(100, Math.round((m.quota.usedBytes / totalBytes) * 1000) / 10) : 0;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <MailboxAnnouncements />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("mailboxCard")}>
            <Descriptions
              column={1}
              items={[
                { key: "address", label: t("address"), children: m.address },
                { key: "name", label: t("displayName"), children: m.displayName },
                {
                  key: "changed",
                  label: t("passwordChangedAt"),
                  children: m.passwordChangedAt ? format.dateTime(m.passwordChangedAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("quotaCard")}>
            <Progress percent={percent} status={percent >= 90 ? "exception" : "normal"} aria-label={t("quotaCard")} />
            <p data-testid="quota-text">{t("quotaUsed", { used: formatSize(m.quota.usedBytes), total: formatSize(totalBytes), percent })}</p>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("aliasesCard")}>
            {m.aliases.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noAliases")} />
            ) : (
              <>
                <p>{t("aliasesHint")}</p>
                <ul aria-label={t("aliasesCard")} style={{ paddingInlineStart: 0, listStyle: "none", display: "flex", flexWrap: "wrap", gap: 8 }}>
                  {m.aliases.map((a) => (
                    <li key={a}>
                      <Tag>{a}</Tag>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("passwordCard")}>
            <ChangePasswordForm address={m.address} />
          </Card>
        </Col>
        <Col xs={24}>
          <MyMailLogCard days={mailLogDays} />
        </Col>
      </Row>
    </>
  );
}
