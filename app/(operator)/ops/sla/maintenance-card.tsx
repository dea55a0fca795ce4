"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Button, Tag, type TableColumnsType } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { MaintenanceView } from "@/server/sla/maintenance/maintenance.types";
import { nowrap } from "../billing/use-billing-format";
import { AdminListCard } from "./admin-list-card";
import { cancellable, orderWindows } from "./admin-order";
import { CancelMaintenanceModal } from "./cancel-maintenance-modal";
import { spanText, platformText } from "./platform-time";
import { ScheduleMaintenanceModal } from "./schedule-maintenance-modal";

/** The maintenance calendar: windows not over yet first, cancelled ones shown as such, and whether each is excluded from the SLA. */
export function MaintenanceCard({ from }: { from: string }) {
  const tm = useTranslations("opsSla.maintenance");
  const trpc = useTRPC();
  const [scheduling, setScheduling] = useState(false);
  const [cancelling, setCancelling] = useState<MaintenanceView | null>(null);
  const list = useQuery({ ...trpc.sla.admin.maintenance.queryOptions({ from, includeCancelled: true }), staleTime: 0 });
  const now = new Date();

  const columns: TableColumnsType<MaintenanceView> = [
    { key: "window", title: tm("columns.window"), onCell: nowrap, render: (_, w) => spanText(w.startsAt, w.endsAt, "") },
    { key: "description", title: tm("columns.description"), dataIndex: "description" },
    {
      key: "status",
      title: tm("columns.status"),
      onCell: nowrap,
      render: (_, w) => {
        if (w.status === "cancelled") return <Tag>{tm("status.cancelled")}</Tag>;
        if (w.endsAt <= now) return <Tag color="default">{tm("status.done")}</Tag>;
        return w.startsAt <= now ? <Tag color="processing">{tm("status.running")}</Tag> : <Tag color="blue">{tm("status.scheduled")}</Tag>;
      },
    },
    {
      key: "sla",
      title: tm("columns.sla"),
      onCell: nowrap,
      render: (_, w) =>
        w.excludedFromSla ? (
          <Tag color="success">{tm("excluded")}</Tag>
        ) : (
          <Tag color={w.status === "cancelled" ? "default" : "warning"} title={tm("countsHelp", { hours: w.noticeHours })}>
            {tm("counts")}
          </Tag>
        ),
    },
    { key: "announced", title: tm("columns.announced"), onCell: nowrap, render: (_, w) => platformText(w.announcedAt) },
    {
      key: "actions",
      title: tm("columns.actions"),
      fixed: "right",
      onCell: nowrap,
      render: (_, w) =>
        cancellable(w, now) ? (
          <Button size="small" danger onClick={() => setCancelling(w)}>
            {tm("cancel")}
          </Button>
        ) : null,
    },
  ];

  return (
    <AdminListCard<MaintenanceView>
      title={tm("title")}
      help={tm("help")}
      add={tm("schedule")}
      onAdd={() => setScheduling(true)}
      rows={orderWindows(list.data ?? [], now)}
      loading={list.isFetching}
      error={list.error}
      columns={columns}
      empty={tm("empty")}
      dialogs={
        <>
          {scheduling && <ScheduleMaintenanceModal onClose={() => setScheduling(false)} />}
          {cancelling && <CancelMaintenanceModal window={cancelling} onClose={() => setCancelling(null)} />}
        </>
      }
    />
  );
}
