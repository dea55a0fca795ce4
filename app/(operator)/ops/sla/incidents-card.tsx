"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Button, Flex, Tag, Typography, type TableColumnsType } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { IncidentRow } from "@/server/sla/incidents/list-incidents";
import { nowrap } from "../billing/use-billing-format";
import { AdminListCard } from "./admin-list-card";
import { orderIncidents } from "./admin-order";
import { IncidentModal } from "./incident-modal";
import { spanText } from "./platform-time";

const CAUSE_COLOUR = { platform: "error", force_majeure: "purple", third_party: "orange", customer: "cyan" } as const;

/** Incidents, open first: what happened, its cause (only the platform's counts against the SLA), whom it concerns and why. */
export function IncidentsCard({ from }: { from: string }) {
  const ti = useTranslations("opsSla.incidents");
  const trpc = useTRPC();
  // null: no dialog; incident null: "Record incident"; else the incident to edit or close.
  const [dialog, setDialog] = useState<{ incident: IncidentRow | null; closing: boolean } | null>(null);
  const list = useQuery({ ...trpc.sla.admin.incidents.queryOptions({ from }), staleTime: 0 });

  const columns: TableColumnsType<IncidentRow> = [
    { key: "when", title: ti("columns.when"), onCell: nowrap, render: (_, i) => spanText(i.startsAt, i.endsAt, ti("ongoing")) },
    { key: "kind", title: ti("columns.kind"), onCell: nowrap, render: (_, i) => ti(`kind.${i.kind}`) },
    {
      key: "cause",
      title: ti("columns.cause"),
      onCell: nowrap,
      render: (_, i) => (
        <Tag color={CAUSE_COLOUR[i.cause]} title={ti(i.countsAgainstSla ? "counts" : "excluded")}>
          {ti(`cause.${i.cause}`)}
        </Tag>
      ),
    },
    { key: "tenant", title: ti("columns.tenant"), render: (_, i) => i.tenantName ?? <Typography.Text type="secondary">{ti("platformWide")}</Typography.Text> },
    { key: "summary", title: ti("columns.summary"), dataIndex: "summary" },
    { key: "reason", title: ti("columns.reason"), render: (_, i) => i.reason ?? "—" },
    {
      key: "actions",
      title: ti("columns.actions"),
      fixed: "right",
      onCell: nowrap,
      render: (_, i) => (
        <Flex gap={4}>
          {i.endsAt === null && (
            <Button size="small" type="primary" onClick={() => setDialog({ incident: i, closing: true })}>
              {ti("close")}
            </Button>
          )}
          <Button size="small" onClick={() => setDialog({ incident: i, closing: false })}>
            {ti("edit")}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <AdminListCard<IncidentRow>
      title={ti("title")}
      help={ti("help")}
      add={ti("record")}
      onAdd={() => setDialog({ incident: null, closing: false })}
      rows={orderIncidents(list.data ?? [])}
      loading={list.isFetching}
      error={list.error}
      columns={columns}
      empty={ti("empty")}
      dialogs={dialog && <IncidentModal incident={dialog.incident ?? undefined} closing={dialog.closing} onClose={() => setDialog(null)} />}
    />
  );
}
