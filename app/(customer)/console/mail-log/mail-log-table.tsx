"use client";

import { useTranslations } from "next-intl";
import { Button, Table, Typography } from "antd";
import type { MailLogRow } from "@/server/mail/log/mail-log-row";
import { DirectionTag, StatusTag } from "./mail-log-tags";
import { useZoneTime } from "./use-zone-time";

const ellipsis = (text: string, width: number) => (
  <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: width }}>
    {text}
  </Typography.Text>
);

/** The lines, as seed 000's table shows them; a row's details open in the drawer. */
export function MailLogTable({
  rows,
  timeZone,
  loading,
  onOpen,
  emptyText,
}: {
  rows: MailLogRow[];
  timeZone: string | undefined;
  loading: boolean;
  onOpen: (row: MailLogRow) => void;
  emptyText?: string;
}) {
  const t = useTranslations("mailLog");
  const time = useZoneTime(timeZone);
  return (
    <Table<MailLogRow>
      rowKey="key"
      size="middle"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: emptyText ?? t("empty") }}
      onRow={(row) => ({ onDoubleClick: () => onOpen(row) })}
      columns={[
        { key: "time", title: t("columns.time"), render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{time(r.receivedAt)}</span> },
        { key: "direction", title: t("columns.direction"), render: (_, r) => <DirectionTag direction={r.direction} /> },
        { key: "subject", title: t("columns.subject"), render: (_, r) => ellipsis(r.subject || t("noSubject"), 220) },
        { key: "sender", title: t("columns.sender"), render: (_, r) => ellipsis(r.sender || "—", 180) },
        { key: "recipient", title: t("columns.recipient"), render: (_, r) => ellipsis(r.recipient, 180) },
        { key: "status", title: t("columns.status"), render: (_, r) => <StatusTag status={r.status} /> },
        { key: "reason", title: t("columns.reason"), render: (_, r) => (r.reason ? ellipsis(r.reason, 200) : "—") },
        {
          key: "details",
          title: t("columns.details"),
          fixed: "right",
          render: (_, r) => (
            <Button type="link" size="small" onClick={() => onOpen(r)}>
              {t("details")}
            </Button>
          ),
        },
      ]}
    />
  );
}
