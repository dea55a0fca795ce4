"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Alert, Badge, Card, Empty, List, Skeleton, Typography } from "antd";
import { useFormatter, useTranslations } from "next-intl";
import type { FeedAnnouncement } from "@/server/announcements/announcement.types";
import { AnnouncementDrawer } from "./announcement-drawer";
import { LevelTag } from "./level-tag";
import { useFeed, type FeedSource } from "./use-feed";

/** Whose home the card is on: each reader is told where its announcements come from. */
export type AnnouncementReader = "customer" | "reseller" | "operator";

/**
 * The announcements slot of a home: what is current for the reader, unread ones marked with a dot
 * and in bold; a click opens it in a drawer and marks it read. `viewAll` links to the history
 * page, or `onViewAll` opens it in place (the mailbox page has no room for another route).
 */
export function AnnouncementsCard({
  source = "feed",
  reader = "customer",
  viewAll,
  onViewAll,
  limit = 5,
}: {
  source?: FeedSource;
  reader?: AnnouncementReader;
  viewAll?: string;
  onViewAll?: () => void;
  limit?: number;
}) {
  const t = useTranslations("announcements");
  const format = useFormatter();
  const feed = useFeed(source);
  const current = useQuery(feed.current(limit));
  const [opened, setOpened] = useState<FeedAnnouncement | null>(null);
  const extra = viewAll ? <Link href={viewAll}>{t("viewAll")}</Link> : onViewAll ? <Typography.Link onClick={onViewAll}>{t("viewAll")}</Typography.Link> : null;
  const unread = current.data?.unread ?? 0;

  return (
    <Card
      title={
        <span>
          {t("cardTitle")} {unread > 0 && <Badge count={unread} size="small" title={t("unreadCount", { count: unread })} />}
        </span>
      }
      extra={extra}
      data-testid="announcements"
    >
      {current.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : current.isError ? (
        <Alert type="error" showIcon title={t("loadFailed")} description={current.error.message} />
      ) : current.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={source === "mailbox" ? t("emptyMailbox") : t(`emptyFor.${reader}`)} />
      ) : (
        <List
          size="small"
          dataSource={current.data.items}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid="announcement-item"
              data-unread={item.read ? undefined : "true"}
              style={{ cursor: "pointer" }}
              onClick={() => {
                setOpened(item);
                feed.open(item);
              }}
            >
              <span style={{ display: "flex", gap: 8, alignItems: "center", minWidth: 0, width: "100%" }}>
                {!item.read && <Badge status="processing" title={t("unread")} />}
                <LevelTag level={item.level} />
                <Typography.Text strong={!item.read} ellipsis style={{ flex: 1 }}>
                  {item.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {format.dateTime(item.publishAt, { dateStyle: "short" })}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      )}
      <AnnouncementDrawer item={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
