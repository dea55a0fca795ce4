"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, Col, Empty, List, Row, Skeleton, Statistic } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { DomainStateTag } from "@/app/(customer)/console/domains/domain-state-tag";

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
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t("service")} extra={<Link href={`${base}/billing`}>{t("orderOrResize")}</Link>}>
          {!b ? (
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
          {domains.isLoading ? (
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
    </Row>
  );
}
