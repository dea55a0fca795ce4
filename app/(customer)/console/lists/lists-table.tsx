"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Table, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { ListSummary } from "@/server/tenants/lists/list-view";
import { PolicyTag } from "./policy";
import { useListsRefresh } from "./use-list-form";
import { useListsError } from "./use-lists-error";

/** The tenant's lists: address, name, policy and member count; manage opens the detail drawer. */
export function ListsTable({ rows, loading, onOpen }: { rows: ListSummary[]; loading: boolean; onOpen: (listId: string) => void }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const refresh = useListsRefresh();
  const { message } = App.useApp();
  const errorText = useListsError();
  const remove = useMutation(trpc.tenants.lists.delete.mutationOptions());

  const onDelete = (list: ListSummary) =>
    remove
      .mutateAsync(
        { listId: list.id },
        {
          onSuccess: () => {
            message.success(t("table.deleted", { address: list.address }));
            refresh();
          },
          onError: (error) => message.error(`${t("table.deleteFailed", { address: list.address })}: ${errorText(error)}`, 8),
        },
      )
      .catch(() => undefined);

  return (
    <Table<ListSummary>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t("table.empty") }}
      columns={[
        {
          key: "address",
          title: t("table.address"),
          render: (_, l) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(l.id)}>
              {l.address}
            </Button>
          ),
        },
        {
          key: "name",
          title: t("table.name"),
          render: (_, l) => (
            <Flex vertical>
              <span>{l.name}</span>
              {l.description && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {l.description}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        { key: "policy", title: t("table.policy"), render: (_, l) => <PolicyTag policy={l.policy} /> },
        { key: "members", title: t("table.members"), align: "right", dataIndex: "memberCount" },
        {
          key: "actions",
          title: t("table.actions"),
          render: (_, l) => (
            <Flex gap={8}>
              <Button size="small" onClick={() => onOpen(l.id)}>
                {t("table.manage")}
              </Button>
              <Popconfirm title={t("table.deleteConfirm", { address: l.address })} onConfirm={() => onDelete(l)}>
                <Button size="small" danger>
                  {t("table.delete")}
                </Button>
              </Popconfirm>
            </Flex>
          ),
        },
      ]}
    />
  );
}
