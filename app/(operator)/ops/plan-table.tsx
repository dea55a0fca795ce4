"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table, Tag } from "antd";
import type { PlanRow } from "@/server/billing/plans/list-plans";

// Codes, prices and sizes stay on one line; the plan name and the headers may wrap.
const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });

export function PlanTable({ plans }: { plans: PlanRow[] }) {
  const t = useTranslations("home.ops");
  const format = useFormatter();
  // Sizes are stored in MB; whole gigabytes read better from 1 GB up.
  const size = (mb: number) =>
    mb >= 1024
      ? format.number(mb / 1024, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 })
      : format.number(mb, { style: "unit", unit: "megabyte" });
  return (
    <Table<PlanRow>
      rowKey="id"
      dataSource={plans}
      pagination={false}
      // Wide enough for the numbers; headers wrap rather than push the table off screen.
      scroll={{ x: 880 }}
      locale={{ emptyText: t("emptyPlans") }}
      columns={[
        { key: "name", title: t("planName"), dataIndex: "name" },
        { key: "code", title: t("planCode"), dataIndex: "code", onCell: nowrap },
        {
          key: "price",
          title: t("pricePerSeatYear"),
          align: "right",
          onCell: nowrap,
          // Prices are integer fen; divide only for display.
          render: (_, p) => format.number(p.pricePerSeatYear / 100, { style: "currency", currency: p.currency }),
        },
        { key: "quota", title: t("mailboxQuota"), align: "right", onCell: nowrap, render: (_, p) => size(p.mailboxQuotaMb) },
        { key: "attach", title: t("attachmentLimit"), align: "right", onCell: nowrap, render: (_, p) => size(p.attachmentLimitMb) },
        {
          key: "large",
          title: t("largeAttachmentLimit"),
          align: "right",
          onCell: nowrap,
          render: (_, p) => size(p.largeAttachmentLimitMb),
        },
        {
          key: "daily",
          title: t("dailySendLimit"),
          align: "right",
          render: (_, p) => format.number(p.dailySendLimit),
        },
        {
          key: "active",
          title: t("planStatus"),
          render: (_, p) => (p.active ? <Tag color="green">{t("planActive")}</Tag> : <Tag>{t("planInactive")}</Tag>),
        },
      ]}
    />
  );
}
