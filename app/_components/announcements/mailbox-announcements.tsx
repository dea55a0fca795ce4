"use client";

import { useState } from "react";
import { Drawer } from "antd";
import { useTranslations } from "next-intl";
import { AnnouncementHistory } from "./announcement-history";
import { AnnouncementsCard } from "./announcements-card";

/**
 * The announcement module of a mailbox user's page: their organisation's current announcements,
 * and the whole history in a drawer (the self-service portal has one page).
 */
export function MailboxAnnouncements() {
  const t = useTranslations("announcements");
  const [historyOpen, setHistoryOpen] = useState(false);
  return (
    <>
      <AnnouncementsCard source="mailbox" onViewAll={() => setHistoryOpen(true)} />
      <Drawer open={historyOpen} onClose={() => setHistoryOpen(false)} title={t("pages.mailboxTitle")} size="large" destroyOnHidden>
        <AnnouncementHistory source="mailbox" />
      </Drawer>
    </>
  );
}
