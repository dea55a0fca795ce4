"use client";

import { useTranslations } from "next-intl";
import { Descriptions, Drawer, Empty, Flex, Tag, Timeline, Typography } from "antd";
import type { MailLogRow } from "@/server/mail/log/mail-log-row";
import { DirectionTag, isKnownStatus, STATUS_COLOR, StatusTag } from "./mail-log-tags";
import { useZoneTime } from "./use-zone-time";

const TIMELINE_COLOR: Record<string, string> = { success: "green", error: "red", warning: "orange", processing: "blue", cyan: "blue", purple: "purple", default: "gray" };

/** One line's details: the message, its recipient and side, and its states as a timeline (oldest first). */
export function MailLogDrawer({ row, timeZone, onClose }: { row: MailLogRow | null; timeZone: string | undefined; onClose: () => void }) {
  const t = useTranslations("mailLog");
  const tStatus = useTranslations("mailLog.status");
  const time = useZoneTime(timeZone);
  return (
    <Drawer open={row !== null} onClose={onClose} size={520} destroyOnHidden title={t("drawer.title")} aria-label={t("drawer.title")}>
      {row && (
        <Flex vertical gap={24}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: "subject", label: t("columns.subject"), children: row.subject || t("noSubject") },
              { key: "direction", label: t("columns.direction"), children: <DirectionTag direction={row.direction} /> },
              { key: "sender", label: t("columns.sender"), children: row.sender || "—" },
              { key: "recipient", label: t("columns.recipient"), children: row.recipient },
              { key: "status", label: t("columns.status"), children: <StatusTag status={row.status} /> },
              { key: "reason", label: t("columns.reason"), children: row.reason ?? "—" },
              { key: "receivedAt", label: t("drawer.receivedAt"), children: time(row.receivedAt) },
              { key: "messageId", label: t("drawer.messageId"), children: <Typography.Text copyable code>{row.messageId}</Typography.Text> },
            ]}
          />
          <section aria-label={t("drawer.history")}>
            <Typography.Title level={5}>{t("drawer.history")}</Typography.Title>
            {row.history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("drawer.noHistory")} />
            ) : (
              <Timeline
                items={row.history.map((step, i) => ({
                  key: i,
                  color: isKnownStatus(step.status) ? TIMELINE_COLOR[STATUS_COLOR[step.status]] : "gray",
                  title: step.at ? time(step.at) : "—",
                  content: (
                    <Flex vertical gap={4}>
                      <span>{isKnownStatus(step.status) ? tStatus(step.status) : <Tag>{step.status}</Tag>}</span>
                      {step.reason && <Typography.Text type="secondary">{step.reason}</Typography.Text>}
                    </Flex>
                  ),
                }))}
              />
            )}
          </section>
        </Flex>
      )}
    </Drawer>
  );
}
