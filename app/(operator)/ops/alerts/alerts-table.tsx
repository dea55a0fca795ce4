"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { AlertView } from "@/server/mail/abuse/list-alerts";

type Show = "open" | "all";
type SpamDetails = { hits?: number; limit?: number; lastScore?: number; symbols?: string[] };

/** The operators' alerts with acknowledge and, for a suspended mailbox, lift its suspension. */
export function AlertsTable() {
  const t = useTranslations("opsAlerts");
  const fmt = useDisplayFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [show, setShow] = useState<Show>("open");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const alerts = useQuery({ ...trpc.abuse.alerts.queryOptions({ show, page, pageSize }), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.abuse.alerts.queryKey() });
  const onError = (err: { message: string }) => message.error(err.message);
  const acknowledge = useMutation(trpc.abuse.acknowledge.mutationOptions({ onSuccess: () => (message.success(t("acknowledged")), void refresh()), onError }));
  const lift = useMutation(
    trpc.abuse.liftSuspension.mutationOptions({ onSuccess: (r) => (message.success(t("lifted", { address: r.address })), void refresh()), onError }),
  );

  const kindLabel = (kind: string) => (kind === "outbound_spam_suspended" ? t("kinds.outbound_spam_suspended") : kind);
  const columns: TableColumnsType<AlertView> = [
    {
      title: t("columns.state"),
      key: "state",
      width: 150,
      render: (_, r) =>
        r.acknowledgedAt ? (
          <Space orientation="vertical" size={0}>
            <Tag>{t("state.acknowledged")}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("acknowledgedBy", { who: r.acknowledgedBy ?? "—", at: fmt.shortDateTime(r.acknowledgedAt) })}
            </Typography.Text>
          </Space>
        ) : (
          <Tag color="red">{t("state.open")}</Tag>
        ),
    },
    { title: t("columns.createdAt"), dataIndex: "createdAt", width: 150, render: (d: Date) => fmt.shortDateTime(d) },
    { title: t("columns.kind"), dataIndex: "kind", render: (k: string) => kindLabel(k) },
    { title: t("columns.tenant"), key: "tenant", render: (_, r) => r.tenant?.name ?? "—" },
    {
      title: t("columns.mailbox"),
      key: "mailbox",
      render: (_, r) =>
        r.mailbox ? (
          <Space orientation="vertical" size={2}>
            <Typography.Text copyable>{r.mailbox.address}</Typography.Text>
            {r.mailbox.sendingSuspendedAt ? <Tag color="volcano">{t("sendingSuspended")}</Tag> : <Tag color="green">{t("sendingRestored")}</Tag>}
          </Space>
        ) : r.mailboxId ? (
          t("mailboxGone")
        ) : (
          "—"
        ),
    },
    {
      title: t("columns.details"),
      key: "details",
      render: (_, r) => {
        const d = (r.details ?? {}) as SpamDetails;
        if (r.kind !== "outbound_spam_suspended") return r.message;
        return (
          <Space orientation="vertical" size={0}>
            <span>{t("detailsText", { hits: d.hits ?? 0, limit: d.limit ?? 0, score: d.lastScore ?? 0 })}</span>
            {d.symbols && d.symbols.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("symbols", { symbols: d.symbols.slice(0, 8).join(", ") })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t("columns.actions"),
      key: "actions",
      width: 220,
      render: (_, r) => (
        <Space wrap>
          {!r.acknowledgedAt && (
            <Button size="small" loading={acknowledge.isPending && acknowledge.variables?.alertId === r.id} onClick={() => acknowledge.mutate({ alertId: r.id })}>
              {t("acknowledge")}
            </Button>
          )}
          {r.mailbox?.sendingSuspendedAt && (
            <Popconfirm title={t("liftConfirm", { address: r.mailbox.address })} onConfirm={() => lift.mutate({ mailboxId: r.mailbox!.id })}>
              <Button size="small" type="primary" danger loading={lift.isPending && lift.variables?.mailboxId === r.mailbox.id}>
                {t("lift")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (alerts.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={alerts.error.message} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Show>
          value={show}
          onChange={(v) => (setShow(v), setPage(1))}
          options={[
            { value: "open", label: t("show.open") },
            { value: "all", label: t("show.all") },
          ]}
        />
        {alerts.data && <Typography.Text type="secondary">{t("openCount", { count: alerts.data.open })}</Typography.Text>}
      </Space>
      <Table<AlertView>
        rowKey="id"
        size="middle"
        loading={alerts.isFetching}
        dataSource={alerts.data?.rows ?? []}
        columns={columns}
        locale={{ emptyText: t("empty") }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: alerts.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, s) => (setPage(s === pageSize ? p : 1), setPageSize(s)),
        }}
      />
    </>
  );
}
