"use client";

import { useTranslations } from "next-intl";
import { Button, Dropdown, Space } from "antd";
import { DownOutlined } from "@ant-design/icons";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";

export type LifecycleAction = "suspend" | "unsuspend" | "terminate" | "restore";
export type TenantAction = "ledger" | "adjust" | LifecycleAction;

/**
 * What the tenant's status allows, as server/billing/lifecycle decides it: suspending an active
 * tenant, or turning a non-payment suspension into an operator one; lifting an operator
 * suspension only (paying lifts the other); terminating a suspended tenant; restoring a frozen one.
 */
export function allowedLifecycleActions(t: Pick<TenantSummary, "status" | "suspendedReason">): LifecycleAction[] {
  if (t.status === "active") return ["suspend"];
  if (t.status === "frozen") return ["restore"];
  return t.suspendedReason === "operator" ? ["unsuspend", "terminate"] : ["suspend", "terminate"];
}

/** A row's buttons: ledger and adjustment always, the lifecycle steps its status allows in a menu. */
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
    </Space>
  );
}
