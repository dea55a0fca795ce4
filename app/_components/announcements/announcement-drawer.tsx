"use client";

import { Drawer, Space, Typography } from "antd";
import { useFormatter, useTranslations } from "next-intl";
import type { FeedAnnouncement } from "@/server/announcements/announcement.types";
import { AnnouncementBody } from "./announcement-body";
import { LevelTag } from "./level-tag";

/** One announcement opened from a home card or the history: its level, source, times and text. */
export function AnnouncementDrawer({ item, onClose }: { item: FeedAnnouncement | null; onClose: () => void }) {
  const t = useTranslations("announcements");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Drawer open={item !== null} onClose={onClose} title={item?.title} size="large" destroyOnHidden data-testid="announcement-drawer">
      {item && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <LevelTag level={item.level} />
            <Typography.Text type="secondary">{t(`from.${item.from}`)}</Typography.Text>
            <Typography.Text type="secondary">{t("published", { when: when(item.publishAt) })}</Typography.Text>
            {item.takeDownAt && (
              <Typography.Text type="secondary">{item.state === "ended" ? t("takenDown", { when: when(item.takeDownAt) }) : t("until", { when: when(item.takeDownAt) })}</Typography.Text>
            )}
          </Space>
          <AnnouncementBody html={item.body} />
        </>
      )}
    </Drawer>
  );
}
