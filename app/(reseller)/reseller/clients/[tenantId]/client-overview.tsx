"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Statistic, Tag } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { DomainStateTag } from "@/app/(customer)/console/domains/domain-state-tag";
import { ResendInvitationButton } from "../../resend-invitation-button";

/**
 * The client's plan, balance, paid-through date and domains, read through the client's own
 * procedures (the acting-tenant header names the client), with links to act on each.
 */
export function ClientOverview({ tenantId }: { tenantId: string }) {
  const t = useTranslations("actingClient");
  const f = useDisplayFormat();
  const trpc = useTRPC();
  const billing = useQuery(trpc.billing.account.overview.queryOptions());
  const domains = useQuery(trpc.domains.list.queryOptions());
  const base = `/reseller/clients/${tenantId}`;
  const b = billing.data;
  const failed = refusalText(useTranslations("resellerClients"));
  const error = (e: unknown) => <Alert type="error" showIcon title={failed(e)} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t("service")} extra={<Link href={`${base}/billing`}>{t("orderOrResize")}</Link>}>
          {billing.error ? (
            error(billing.error)
          ) : !b ? (
            <Skeleton active />
          ) : (
            <Row gutter={16}>
              <Col span={8}>
                <Statistic
                  title={t("plan")}
                  value={b.subscription ? b.subscription.plan.name : t("noPlan")}
                  suffix={b.subscription ? <span style={{ fontSize: 14 }}>{t("seats", { n: b.subscription.seats })}</span> : null}
                  styles={{ content: { fontSize: 20 } }}
                />
              </Col>
              <Col span={8}>
                <Statistic title={t("balance")} value={f.money(b.balance, b.currency)} styles={{ content: { fontSize: 20 } }} />
              </Col>
              <Col span={8}>
                <Statistic title={t("paidThrough")} value={b.paidThrough?.paidThroughDay ? f.day(b.paidThrough.paidThroughDay) : t("notPaid")} styles={{ content: { fontSize: 20 } }} />
              </Col>
            </Row>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t("domains")} extra={<Link href={`${base}/domains`}>{t("bindDomain")}</Link>}>
          {domains.error ? (
            error(domains.error)
          ) : domains.isLoading ? (
            <Skeleton active />
          ) : (
            <List
              dataSource={domains.data?.rows ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noDomains")} /> }}
              renderItem={(d) => (
                <List.Item extra={<DomainStateTag state={d.state} />}>
                  <Link href={`${base}/domains/${d.id}`}>{d.unicodeName}</Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <AdminCard tenantId={tenantId} />
      </Col>
    </Row>
  );
}

/** The client's administrator and where the invitation stands, with "Resend invitation" until it is accepted. */
function AdminCard({ tenantId }: { tenantId: string }) {
  const t = useTranslations("resellerClients");
  const { dateTime } = useDisplayFormat();
  const trpc = useTRPC();
  const client = useQuery(trpc.resellers.clients.get.queryOptions({ tenantId }));
  const c = client.data;
  const invited = c?.admin?.state === "invited";
  return (
    <Card title={t("adminCard.title")} extra={invited ? <ResendInvitationButton tenantId={tenantId} type="link" /> : null}>
      {client.error ? (
        <Alert type="error" showIcon title={refusalText(t)(client.error)} />
      ) : !c ? (
        <Skeleton active />
      ) : !c.admin ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admin.none")} />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("adminCard.name")}>{c.admin.name}</Descriptions.Item>
          <Descriptions.Item label={t("adminCard.email")}>{c.admin.email}</Descriptions.Item>
          <Descriptions.Item label={t("adminCard.state")}>
            {invited ? (
              <Tag color={INVITATION_COLOR[c.invitation.state]}>{t(`adminCard.invitation.${c.invitation.state}`)}</Tag>
            ) : (
              <Tag color={c.admin.state === "active" ? "green" : "default"}>{t(`admin.${c.admin.state}`)}</Tag>
            )}
            {invited && c.invitation.expiresAt ? t(c.invitation.state === "expired" ? "adminCard.expiredAt" : "adminCard.expiresAt", { at: dateTime(c.invitation.expiresAt) }) : null}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

const INVITATION_COLOR = { pending: "blue", expired: "orange", accepted: "green", none: "default" } as const;
