"use client";

import { useTranslations } from "next-intl";
import { Button } from "antd";
import type { MailLogRow } from "@/server/mail/log/mail-log-row";
import { Ellipsis, ListTable, type MailTableProps } from "@/app/_components/mail-list/list-table";
import { DirectionTag, StatusTag } from "./mail-log-tags";
import { useZoneTime } from "./use-zone-time";

/** The lines, as seed 000's table shows them; a row's details open in the drawer. */
export function MailLogTable({ timeZone, emptyText, ...table }: MailTableProps<MailLogRow>) {
  const t = useTranslations("mailLog");
  const time = useZoneTime(timeZone);
  return (
    <ListTable<MailLogRow>
      rowKey="key"
      emptyText={emptyText ?? t("empty")}
      {...table}
      columns={[
        { key: "time", title: t("columns.time"), render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{time(r.receivedAt)}</span> },
        { key: "direction", title: t("columns.direction"), render: (_, r) => <DirectionTag direction={r.direction} /> },
        { key: "subject", title: t("columns.subject"), render: (_, r) => <Ellipsis text={r.subject || t("noSubject")} width={220} /> },
        { key: "sender", title: t("columns.sender"), render: (_, r) => <Ellipsis text={r.sender || "—"} width={180} /> },
        { key: "recipient", title: t("columns.recipient"), render: (_, r) => <Ellipsis text={r.recipient} width={180} /> },
        { key: "status", title: t("columns.status"), render: (_, r) => <StatusTag status={r.status} /> },
        { key: "reason", title: t("columns.reason"), render: (_, r) => (r.reason ? <Ellipsis text={r.reason} width={200} /> : "—") },
        {
          key: "details",
          title: t("columns.details"),
          fixed: "right",
          render: (_, r) => (
            <Button type="link" size="small" onClick={() => table.onOpen(r)}>
              {t("details")}
            </Button>
          ),
        },
      ]}
    />
  );
}
