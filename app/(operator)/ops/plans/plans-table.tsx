"use client";

import { useTranslations } from "next-intl";
import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from "antd";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import { usePlanFormat } from "./use-plan-format";

// Codes, prices and sizes stay on one line; names and headers may wrap.
const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });

export type PlanAction = "edit" | "history" | "targets" | "toggle";

/**
 * Every plan, on sale first (the server's order), with its limits in readable units. Without
 * `onAction` it is read-only (the operations home shows the catalogue this way).
 */
export function PlansTable({
  plans,
  loading = false,
  togglingId = null,
  onAction,
}: {
  plans: PlanRow[];
  loading?: boolean;
  togglingId?: string | null;
  onAction?: (action: PlanAction, plan: PlanRow) => void;
}) {
  const t = useTranslations("plans");
  const tt = useTranslations("opsSla.targets");
  const { money, size, count } = usePlanFormat();
  const columns: TableColumnsType<PlanRow> = [
    { key: "name", title: t("columns.name"), dataIndex: "name" },
    { key: "code", title: t("columns.code"), dataIndex: "code", onCell: nowrap },
    { key: "price", title: t("columns.price"), align: "right", onCell: nowrap, render: (_, p) => money(p.pricePerSeatYear, p.currency) },
    { key: "quota", title: t("columns.quota"), align: "right", onCell: nowrap, render: (_, p) => size(p.mailboxQuotaMb) },
    {
      key: "messages",
      title: t("columns.messages"),
      align: "right",
      render: (_, p) => (p.mailboxMessageLimit === null ? t("unlimited") : count(p.mailboxMessageLimit)),
    },
    { key: "attach", title: t("columns.attachment"), align: "right", onCell: nowrap, render: (_, p) => size(p.attachmentLimitMb) },
    { key: "large", title: t("columns.large"), align: "right", onCell: nowrap, render: (_, p) => size(p.largeAttachmentLimitMb) },
    { key: "aliases", title: t("columns.aliases"), align: "right", render: (_, p) => count(p.aliasesPerMailbox) },
    { key: "domains", title: t("columns.domains"), align: "right", render: (_, p) => count(p.domainsPerTenant) },
    { key: "daily", title: t("columns.daily"), align: "right", render: (_, p) => count(p.dailySendLimit) },
    {
      key: "status",
      title: t("columns.status"),
      onCell: nowrap,
      render: (_, p) => (p.active ? <Tag color="green">{t("status.active")}</Tag> : <Tag>{t("status.withdrawn")}</Tag>),
    },
  ];
  if (onAction) {
    columns.push({
      key: "actions",
      title: t("columns.actions"),
      fixed: "right",
      onCell: nowrap,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" onClick={() => onAction("edit", p)}>
            {t("edit")}
          </Button>
          <Button type="link" onClick={() => onAction("history", p)}>
            {t("history")}
          </Button>
          <Button type="link" onClick={() => onAction("targets", p)}>
            {tt("action")}
          </Button>
          <Popconfirm
            title={p.active ? t("withdrawConfirm", { name: p.name }) : t("restoreConfirm", { name: p.name })}
            okText={p.active ? t("withdraw") : t("restore")}
            cancelText={t("form.cancel")}
            onConfirm={() => onAction("toggle", p)}
          >
            <Button type="link" danger={p.active} loading={togglingId === p.id}>
              {p.active ? t("withdraw") : t("restore")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<PlanRow>
      rowKey="id"
      dataSource={plans}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("empty") }}
      columns={columns}
    />
  );
}
