"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Badge, Table, Typography } from "antd";
import { useFormatter, useTranslations } from "next-intl";
import type { FeedAnnouncement } from "@/server/announcements/announcement.types";
import { AnnouncementDrawer } from "./announcement-drawer";
import { LevelTag } from "./level-tag";
import { StateTag } from "./state-tag";
import { useFeed, type FeedSource } from "./use-feed";

const PAGE_SIZE = 20;

/**
 * Everything ever published to the reader, newest first, taken-down ones shown as ended; a click
 * opens one and marks it read.
 */
export function AnnouncementHistory({ source = "feed" }: { source?: FeedSource }) {
  const t = useTranslations("announcements");
  const format = useFormatter();
  const feed = useFeed(source);
  const [page, setPage] = useState(1);
  const history = useQuery({ ...feed.history(page, PAGE_SIZE), placeholderData: keepPreviousData });
  const [opened, setOpened] = useState<FeedAnnouncement | null>(null);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  if (history.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={history.error.message} />;
  return (
    <>
      <Table<FeedAnnouncement>
        rowKey="id"
        size="middle"
        data-testid="announcement-history"
        loading={history.isFetching}
        dataSource={history.data?.rows ?? []}
        locale={{ emptyText: t("emptyHistory") }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: history.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(item) => ({
          "data-testid": "announcement-row",
          style: { cursor: "pointer" },
          onClick: () => {
            setOpened(item);
            feed.open(item);
          },
        })}
        columns={[
          {
            key: "title",
            title: t("columns.title"),
            render: (_, item) => (
              <span style={{ display: "inline-flex", gap: 8, alignItems: "center" }}>
                {!item.read && item.state === "current" && <Badge status="processing" title={t("unread")} />}
                <Typography.Text strong={!item.read && item.state === "current"}>{item.title}</Typography.Text>
              </span>
            ),
          },
          { key: "level", title: t("columns.level"), render: (_, item) => <LevelTag level={item.level} />, width: 100 },
          ...(source === "feed" ? [{ key: "from", title: t("columns.from"), render: (_: unknown, item: FeedAnnouncement) => t(`from.${item.from}`), width: 100 }] : []),
          { key: "state", title: t("columns.state"), render: (_, item) => <StateTag state={item.state} />, width: 100 },
          { key: "publishAt", title: t("columns.publishAt"), render: (_, item) => when(item.publishAt), width: 190 },
          { key: "takeDownAt", title: t("columns.takeDownAt"), render: (_, item) => when(item.takeDownAt), width: 190 },
        ]}
      />
      <AnnouncementDrawer item={opened} onClose={() => setOpened(null)} />
    </>
  );
}
