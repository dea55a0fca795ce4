"use client";

import { useTranslations } from "next-intl";
import { Button, Flex, Table, Tag, type TableColumnsType } from "antd";
import type { CreditQueueRow } from "@/server/sla/reports/list-credits";
import type { Page } from "@/server/sla/reports/sla-report.types";
import type { PromiseName } from "@/server/sla/rules/evaluate-month";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { nowrap } from "../billing/use-billing-format";
import { CreditStatusTag } from "./credit-status-tag";
import type { Decision } from "./decide-modal";
import { serverPagination, type Paging } from "./paging";


/** The credit queue: what each proposal doubles, its amount and cap, and the decisions. */
export function CreditsTable(props: {
  data: Page<CreditQueueRow> | undefined;
  loading: boolean;
  decided: boolean;
  paging: Paging;
  onPage: (paging: Paging) => void;
  onApprove: (credit: CreditQueueRow) => void;
  onDecide: (decision: Decision, credit: CreditQueueRow) => void;
  onView: (credit: CreditQueueRow) => void;
}) {
  const t = useTranslations("opsSla.credits");
  const tp = useTranslations("sla.promises");
  const { money, shortDateTime } = useDisplayFormat();
  const { paging } = props;

  const columns: TableColumnsType<CreditQueueRow> = [
    { key: "tenant", title: t("columns.tenant"), render: (_, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onView(r)}>
          {r.tenantName}
        </Button> },
    { key: "month", title: t("columns.month"), dataIndex: "month", onCell: nowrap },
    {
      key: "promises",
      title: t("columns.promises"),
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.promises.map((p) => (
            <Tag key={p} color="error">
              {tp(p as PromiseName)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: "failure", title: t("columns.failure"), align: "right", dataIndex: "failureMinutes" },
    { key: "proposed", title: t("columns.proposed"), align: "right", onCell: nowrap, render: (_, r) => money(r.proposedAmount, r.currency) },
    { key: "cap", title: t("columns.cap"), align: "right", onCell: nowrap, render: (_, r) => money(r.capAmount, r.currency) },
    ...(props.decided
      ? ([
          { key: "status", title: t("columns.amount"), onCell: nowrap, render: (_, r) => (r.amount === null ? <CreditStatusTag status={r.status} /> : money(r.amount, r.currency)) },
          { key: "reason", title: t("columns.reason"), render: (_, r) => r.reason ?? "—" },
          { key: "decidedAt", title: t("columns.decidedAt"), onCell: nowrap, render: (_, r) => (r.decidedAt ? shortDateTime(r.decidedAt) : "—") },
        ] satisfies TableColumnsType<CreditQueueRow>)
      : ([
          {
            key: "actions",
            title: t("columns.actions"),
            fixed: "right",
            onCell: nowrap,
            render: (_, r) => (
              <Flex gap={4}>
                <Button size="small" type="primary" onClick={() => props.onApprove(r)}>
                  {t("approve")}
                </Button>
                <Button size="small" onClick={() => props.onDecide("adjust", r)}>
                  {t("adjust")}
                </Button>
                <Button size="small" danger onClick={() => props.onDecide("reject", r)}>
                  {t("reject")}
                </Button>
              </Flex>
            ),
          },
        ] satisfies TableColumnsType<CreditQueueRow>)),
  ];

  return (
    <Table<CreditQueueRow>
      rowKey="id"
      size="small"
      dataSource={props.data?.rows ?? []}
      loading={props.loading}
      columns={columns}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: props.decided ? t("emptyDecided") : t("empty") }}
      pagination={serverPagination(paging, props.data?.total, props.onPage, (total) => t("total", { total }))}
    />
  );
}
