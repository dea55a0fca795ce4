"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Tabs } from "antd";
import { CreditsTab } from "./credits-tab";
import { MonthsTab } from "./months-tab";

type SlaTab = "months" | "credits";

/** The two tabs; the open one is kept in ?tab= so a reload or a shared link lands on it. */
export function OpsSlaTabs({ initialTab }: { initialTab: SlaTab }) {
  const t = useTranslations("opsSla.tabs");
  const [active, setActive] = useState<SlaTab>(initialTab);

  function open(key: string) {
    if (key !== "months" && key !== "credits") return;
    setActive(key);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", key);
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
      ]}
    />
  );
}
