"use client";

import { useTranslations } from "next-intl";
import { Card, Col, Flex, Radio, Row, Typography, theme } from "antd";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import { useBillingFormat } from "./use-billing-format";

/** The plans on sale as cards: price per seat-year first, then what each allows. A form control. */
export function PlanCards({ plans, value, onChange }: { plans: readonly CatalogueRow[]; value?: string; onChange?: (id: string) => void }) {
  const t = useTranslations("billing.plans");
  const { money, size, count } = useBillingFormat();
  const { token } = theme.useToken();
  if (plans.length === 0) return <Typography.Text type="secondary">{t("none")}</Typography.Text>;
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)} style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        {plans.map((p) => {
          const selected = p.id === value;
          return (
            <Col key={p.id} xs={24} md={12} xxl={8}>
              <Card
                size="small"
                hoverable
                onClick={() => onChange?.(p.id)}
                style={{ height: "100%", borderColor: selected ? token.colorPrimary : undefined, boxShadow: selected ? `0 0 0 1px ${token.colorPrimary}` : undefined }}
              >
                <Flex vertical gap={8}>
                  <Radio value={p.id}>
                    <Typography.Text strong>{p.name}</Typography.Text>
                  </Radio>
                  <div>
                    <Typography.Text style={{ fontSize: 22, fontWeight: 600 }}>{money(p.pricePerSeatYear, p.currency)}</Typography.Text>{" "}
                    <Typography.Text type="secondary">{t("perSeatYear")}</Typography.Text>
                  </div>
                  <ul style={{ margin: 0, paddingInlineStart: 18, color: token.colorTextSecondary }}>
                    <li>{t("quota", { size: size(p.mailboxQuotaMb) })}</li>
                    <li>{t("attachment", { size: size(p.attachmentLimitMb), large: size(p.largeAttachmentLimitMb) })}</li>
                    <li>{t("aliases", { count: count(p.aliasesPerMailbox) })}</li>
                    <li>{t("domains", { count: count(p.domainsPerTenant) })}</li>
                    <li>{t("daily", { count: p.dailySendLimit })}</li>
                  </ul>
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Radio.Group>
  );
}
