"use client";

import { useState, type ReactNode } from "react";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";
import type { TenantAction } from "./tenant-actions";
import { LedgerDrawer } from "./ledger-drawer";
import { AdjustModal } from "./adjust-modal";
import { LifecycleModal } from "./lifecycle-modal";

type Open = { action: TenantAction; tenant: TenantSummary } | null;

/**
 * The drawer and dialogs a tenant row opens (balances and overdue lists alike): `open` from the
 * row's buttons, `dialogs` rendered once beside the table. Dialogs mount only while open, so
 * each opening starts empty with a fresh request id.
 */
export function useTenantDialogs(): { open: (action: TenantAction, tenant: TenantSummary) => void; dialogs: ReactNode } {
  const [current, setCurrent] = useState<Open>(null);
  const close = () => setCurrent(null);
  const action = current?.action;
  const dialogs = (
    <>
      <LedgerDrawer tenant={action === "ledger" ? current!.tenant : null} onClose={close} />
      {action === "adjust" && <AdjustModal tenant={current!.tenant} onClose={close} />}
      {action && action !== "ledger" && action !== "adjust" && <LifecycleModal action={action} tenant={current!.tenant} onClose={close} />}
    </>
  );
  return { open: (a, tenant) => setCurrent({ action: a, tenant }), dialogs };
}
