"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Button, Card, Flex, Skeleton, Tabs } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { SummaryCards } from "@/app/(reseller)/reseller/account/summary-cards";
import { HistoryChart } from "@/app/(reseller)/reseller/account/history-chart";
import { LedgerTable } from "@/app/(reseller)/reseller/account/ledger-table";
import { StatementPanel } from "@/app/(reseller)/reseller/account/statement-panel";
import { useAccountApi } from "@/app/(reseller)/reseller/account/use-account-api";
import { RecordAdjustmentModal, RecordPaymentModal } from "./account-modals";

/**
 * A reseller's account as an operator sees it (any reseller, sub-resellers included: each has its
 * own books): what it owes against its credit limit, its ledger and statements, and the
 * operator's entries (a payment received from it, an adjustment with a reason).
 */
export function AccountTab({ resellerId }: { resellerId: string }) {
  const t = useTranslations("resellerAccount");
  const api = useAccountApi(resellerId);
  const summary = api.useSummary();
  const [open, setOpen] = useState<"payment" | "adjustment" | null>(null);
  const error = shownError(summary.error);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen("payment")}>
          {t("payment.open")}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setOpen("adjustment")}>
          {t("adjustment.open")}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      {summary.data ? <SummaryCards summary={summary.data} ops /> : !error && <Skeleton active />}
      {summary.data && (
        <Card title={t("chart.title")} size="small">
          <HistoryChart summary={summary.data} />
        </Card>
      )}
      <Tabs
        items={[
          { key: "ledger", label: t("tabs.ledger"), children: <LedgerTable resellerId={resellerId} /> },
          { key: "statement", label: t("tabs.statement"), children: <StatementPanel resellerId={resellerId} /> },
        ]}
      />
      {open === "payment" && <RecordPaymentModal resellerId={resellerId} onClose={() => setOpen(null)} />}
      {open === "adjustment" && <RecordAdjustmentModal resellerId={resellerId} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
