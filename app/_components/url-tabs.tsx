"use client";

import { Tabs, type TabsProps } from "antd";
import { useUrlTab } from "@/app/_components/use-url-tab";

/** A page's tabs with the open one kept in ?tab= (see useUrlTab); hidden tabs are unmounted. */
export function UrlTabs<T extends string>({ tabs, initialTab, items }: { tabs: readonly T[]; initialTab: T; items: TabsProps["items"] }) {
  const [active, open] = useUrlTab(tabs, initialTab);
  return <Tabs activeKey={active} onChange={open} destroyOnHidden items={items} />;
}
