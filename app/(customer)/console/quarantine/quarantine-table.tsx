"use client";

import { useTranslations } from "next-intl";
import { Button, Popconfirm, Space, Typography } from "antd";
import type { QuarantineRow } from "@/server/mail/quarantine/quarantine.types";
import { Ellipsis, ListTable, type MailTableProps } from "@/app/_components/mail-list/list-table";
import { useZoneTime } from "../mail-log/use-zone-time";
import { formatScore, KindTag, ReasonTags } from "./quarantine-tags";

/** The entries; each opens its preview, and a held one can be released or deleted (with confirmation). */
export function QuarantineTable({
  timeZone,
  releaseLabel,
  releaseConfirm,
  showRecipient,
  released,
  onRelease,
  onDelete,
  ...table
}: MailTableProps<QuarantineRow> & {
  emptyText: string;
  releaseLabel: string;
  releaseConfirm: (row: QuarantineRow) => string;
  showRecipient: boolean;
  /** The released view: a column says when each was released rather than when it expires. */
  released: boolean;
  onRelease: (row: QuarantineRow) => void;
  onDelete: (row: QuarantineRow) => void;
}) {
  const t = useTranslations("quarantine");
  const time = useZoneTime(timeZone);
  return (
    <ListTable<QuarantineRow>
      rowKey="id"
      {...table}
      columns={[
        { key: "receivedAt", title: t("columns.receivedAt"), render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{time(r.receivedAt)}</span> },
        ...(showRecipient
          ? [
              {
                key: "recipient",
                title: t("columns.recipient"),
                render: (_: unknown, r: QuarantineRow) => (
                  <Space orientation="vertical" size={0}>
                    <Ellipsis text={r.mailbox} width={190} />
                    {r.rcpt.toLowerCase() !== r.mailbox.toLowerCase() && <Typography.Text type="secondary">{t("via", { rcpt: r.rcpt })}</Typography.Text>}
                  </Space>
                ),
              },
            ]
          : []),
        // Subject over sender, as a mail client lists them: one column instead of two keeps the score and rules in view.
        {
          key: "message",
          title: `${t("columns.subject")} / ${t("columns.sender")}`,
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Ellipsis text={r.subject || t("noSubject")} width={240} />
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.sender }} style={{ maxWidth: 240 }}>
                {r.sender || "—"}
              </Typography.Text>
            </Space>
          ),
        },
        { key: "kind", title: t("columns.kind"), render: (_, r) => <KindTag kind={r.kind} /> },
        { key: "score", title: t("columns.score"), align: "right", render: (_, r) => formatScore(r.score) },
        { key: "reasons", title: t("columns.reasons"), render: (_, r) => <ReasonTags reasons={r.reasons} limit={3} /> },
        {
          key: "expiresAt",
          title: released ? t("columns.releasedAt") : t("columns.expiresAt"),
          render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{time(r.releasedAt ?? r.expiresAt)}</span>,
        },
        {
          key: "actions",
          title: t("columns.actions"),
          fixed: "right",
          render: (_, r) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => table.onOpen(r)}>
                {t("preview")}
              </Button>
              {!r.releasedAt && (
                <Popconfirm title={releaseConfirm(r)} description={t("releaseHint")} onConfirm={() => onRelease(r)} okText={releaseLabel}>
                  <Button type="link" size="small">
                    {releaseLabel}
                  </Button>
                </Popconfirm>
              )}
              <Popconfirm title={t("deleteConfirm")} onConfirm={() => onDelete(r)} okText={t("delete")} okButtonProps={{ danger: true }}>
                <Button type="link" size="small" danger>
                  {t("delete")}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
