"use client";

import { useTranslations } from "next-intl";
import { Card, Tabs } from "antd";
import type { PlanName } from "./pending-orders";
import { LedgerTable } from "./ledger-table";
import { OrdersTable } from "./orders-table";
import { StatementPanel } from "./statement-panel";

/** Orders, the ledger and the monthly statements, one tab each. */
export function HistoryTabs({ plans }: { plans: readonly PlanName[] }) {
  const t = useTranslations("billing.history");
  return (
    <Card>
      <Tabs
        destroyOnHidden
        items={[
          { key: "orders", label: t("orders"), children: <OrdersTable plans={plans} /> },
          { key: "ledger", label: t("ledger"), children: <LedgerTable /> },
          { key: "statements", label: t("statements"), children: <StatementPanel /> },
        ]}
      />
    </Card>
  );
}
