"use client";

import { useTranslations } from "next-intl";
import { UrlTabs } from "@/app/_components/url-tabs";
import { CreditsTab } from "./credits-tab";
import { MonthsTab } from "./months-tab";
import { OperationsTab } from "./operations-tab";
import { SLA_TABS, type SlaTab } from "./sla-tabs";

/** The tabs; the open one is kept in ?tab= so a reload or a shared link lands on it. */
export function OpsSlaTabs({ initialTab }: { initialTab: SlaTab }) {
  const t = useTranslations("opsSla.tabs");
  return (
    <UrlTabs
      tabs={SLA_TABS}
      initialTab={initialTab}
      items={[
        { key: "months", label: t("months"), children: <MonthsTab /> },
        { key: "credits", label: t("credits"), children: <CreditsTab /> },
        { key: "operations", label: t("operations"), children: <OperationsTab /> },
      ]}
    />
  );
}
