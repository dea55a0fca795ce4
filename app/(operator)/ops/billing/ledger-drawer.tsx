"use client";

import { useTranslations } from "next-intl";
import { Drawer, Tabs } from "antd";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";
import { StatementPanel } from "./statement-panel";
import { LedgerEntriesPanel } from "./ledger-entries-panel";

/** A tenant's money: the statement of a chosen month (with its CSV) and every ledger entry. */
export function LedgerDrawer({ tenant, onClose }: { tenant: TenantSummary | null; onClose: () => void }) {
  const t = useTranslations("opsBilling.ledger");
  return (
    <Drawer open={tenant !== null} onClose={onClose} size={860} destroyOnHidden title={tenant ? t("title", { tenant: tenant.name }) : ""}>
      {tenant && (
        <Tabs
          items={[
            { key: "statement", label: t("statementTab"), children: <StatementPanel tenantId={tenant.tenantId} /> },
            { key: "entries", label: t("entriesTab"), children: <LedgerEntriesPanel tenantId={tenant.tenantId} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
