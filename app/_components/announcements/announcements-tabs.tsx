"use client";

import { useTranslations } from "next-intl";
import { UrlTabs } from "@/app/_components/url-tabs";
import { AnnouncementHistory } from "./announcement-history";
import { ManageAnnouncements } from "./manage-announcements";
import { ANNOUNCEMENT_TABS, type AnnouncementTab } from "./tab-keys";

/**
 * The announcements page of a reseller or a tenant admin: what they received (history, with
 * unread marks) and what they publish themselves (a tenant's internal ones). ?tab= keeps the open tab.
 */
export function AnnouncementsTabs({ scope, initialTab }: { scope: "reseller" | "tenant"; initialTab: AnnouncementTab }) {
  const t = useTranslations("announcements.pages");
  return (
    <UrlTabs
      tabs={ANNOUNCEMENT_TABS}
      initialTab={initialTab}
      items={[
        { key: "received", label: t("received"), children: <AnnouncementHistory source="feed" /> },
        { key: "mine", label: scope === "tenant" ? t("internal") : t("mine"), children: <ManageAnnouncements scope={scope} /> },
      ]}
    />
  );
}
