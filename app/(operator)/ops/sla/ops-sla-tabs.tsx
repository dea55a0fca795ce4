"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Tabs } from "antd";
import { CreditsTab } from "./credits-tab";
import { MonthsTab } from "./months-tab";
import { OperationsTab } from "./operations-tab";
import { SLA_TABS, type SlaTab } from "./sla-tabs";

/** The tabs; the open one is kept in ?tab= so a reload or a shared link lands on it. */
export function OpsSlaTabs({ initialTab }: { initialTab: SlaTab }) {
  const t = useTranslations("opsSla.tabs");
  const [active, setActive] = useState<SlaTab>(initialTab);

  function open(key: string) {
    const tab = SLA_TABS.find((k) => k === key);
    if (!tab) return;
    setActive(tab);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", tab);
    window.history.replaceState(window.history.state, "", url);
  }

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
