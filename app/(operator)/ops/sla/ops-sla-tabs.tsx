"use client";

import { useTranslations } from "next-intl";
import { Tabs } from "antd";
import { useUrlTab } from "@/app/_components/use-url-tab";
import { CreditsTab } from "./credits-tab";
import { MonthsTab } from "./months-tab";
import { OperationsTab } from "./operations-tab";
import { SLA_TABS, type SlaTab } from "./sla-tabs";

/** The tabs; the open one is kept in ?tab= so a reload or a shared link lands on it. */
export function OpsSlaTabs({ initialTab }: { initialTab: SlaTab }) {
  const t = useTranslations("opsSla.tabs");
  const [active, open] = useUrlTab(SLA_TABS, initialTab);

  return (
    <Tabs
      activeKey={active}
      onChange={open}
      destroyOnHidden
      items={[
        { key: "months", label: t("months"), children: <MonthsTab /> },
        { key: "credits", label: t("credits"), children: <CreditsTab /> },
        { key: "operations", label: t("operations"), children: <OperationsTab /> },
      ]}
    />
  );
}
