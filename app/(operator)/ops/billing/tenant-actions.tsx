"use client";

import { useTranslations } from "next-intl";
import { Button, Dropdown, Space } from "antd";
import { DownOutlined } from "@ant-design/icons";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";
import { allowedLifecycleActions, type LifecycleAction } from "./lifecycle-actions";

export type TenantAction = "ledger" | "adjust" | LifecycleAction;

/**
 * A row's buttons: ledger and adjustment always (a purged tenant's books stay, and a refund of
 * what is left may still be due), the lifecycle steps its status allows in a menu, if any.
 */
export function TenantActions({ tenant, onAction }: { tenant: TenantSummary; onAction: (action: TenantAction, tenant: TenantSummary) => void }) {
  const t = useTranslations("opsBilling.actions");
  const lifecycle = allowedLifecycleActions(tenant);
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onAction("ledger", tenant)}>
        {t("ledger")}
      </Button>
      <Button type="link" size="small" onClick={() => onAction("adjust", tenant)}>
        {t("adjust")}
      </Button>
      {lifecycle.length > 0 && (
        <Dropdown
          trigger={["click"]}
          menu={{
            items: lifecycle.map((action) => ({ key: action, label: t(action), danger: action === "terminate" || action === "suspend" })),
            onClick: ({ key }) => onAction(key as LifecycleAction, tenant),
          }}
        >
          <Button type="link" size="small">
            {t("status")} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
