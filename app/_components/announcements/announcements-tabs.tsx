"use client";

import { Tabs } from "antd";
import { useTranslations } from "next-intl";
import { useUrlTab } from "@/app/_components/use-url-tab";
import { AnnouncementHistory } from "./announcement-history";
import { ManageAnnouncements } from "./manage-announcements";
import { ANNOUNCEMENT_TABS, type AnnouncementTab } from "./tab-keys";


/**
 * The announcements page of a reseller or a tenant admin: what they received (history, with
 * unread marks) and what they publish themselves (a tenant's internal ones). ?tab= keeps the open tab.
 */
export function AnnouncementsTabs({ scope, initialTab }: { scope: "reseller" | "tenant"; initialTab: AnnouncementTab }) {
  const t = useTranslations("announcements.pages");
  const [active, open] = useUrlTab(ANNOUNCEMENT_TABS, initialTab);
  return (
    <Tabs
      activeKey={active}
      onChange={open}
      destroyOnHidden
      items={[
        { key: "received", label: t("received"), children: <AnnouncementHistory source="feed" /> },
        { key: "mine", label: scope === "tenant" ? t("internal") : t("mine"), children: <ManageAnnouncements scope={scope} /> },
      ]}
    />
  );
}
