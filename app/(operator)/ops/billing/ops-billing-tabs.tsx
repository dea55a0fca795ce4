"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Tabs } from "antd";
import { useUrlTab } from "@/app/_components/use-url-tab";
import { OverviewTab } from "./overview-tab";
import { TransfersTab } from "./transfers-tab";
import { BalancesTab } from "./balances-tab";
import { OverdueTab } from "./overdue-tab";
import { RunsTab } from "./runs-tab";
import { BILLING_TABS, type BillingTab } from "./billing-tabs";

const BODIES: Record<BillingTab, (open: (tab: BillingTab) => void) => ReactNode> = {
  overview: (open) => <OverviewTab onOpen={open} />,
  transfers: () => <TransfersTab />,
  balances: () => <BalancesTab />,
  overdue: () => <OverdueTab />,
  runs: () => <RunsTab />,
};

/**
 * The operators' billing page. The open tab is kept in ?tab= so a reload or a shared link lands
 * on it; replaceState rather than a navigation, since the server page has nothing new to render.
 */
export function OpsBillingTabs({ initialTab }: { initialTab: BillingTab }) {
  const t = useTranslations("opsBilling.tabs");
  const [active, open] = useUrlTab(BILLING_TABS, initialTab);

  return (
    <Tabs
      activeKey={active}
      onChange={open}
      destroyOnHidden
      items={BILLING_TABS.map((key) => ({ key, label: t(key), children: BODIES[key](open) }))}
    />
  );
}
