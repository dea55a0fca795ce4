"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Dropdown, Flex, Progress, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { MailboxView } from "@/server/tenants/mailboxes/mailbox-view";
import type { TListMailboxesResponse } from "@/server/tenants/mailboxes/list-mailboxes.types";
import { useConfirmDelete, useErrorToast, useMailboxesRefresh } from "./use-mailboxes-form";
import { SendingSuspendedTag } from "../settings/sending-suspended-tag";

/** 269312 MB reads better as 263 GB. */
const sizeText = (mb: number) => (mb >= 1024 ? `${Math.round((mb / 1024) * 10) / 10} GB` : `${mb} MB`);

type Props = {
  data: TListMailboxesResponse | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (mailbox: MailboxView) => void;
  onResetPassword: (mailbox: MailboxView) => void;
};

/** The mailbox table: address, name, department, quota bar, status tag, and the row's actions. */
export function MailboxTable({ data, loading, onPage, onEdit, onResetPassword }: Props) {
  const t = useTranslations("mailboxes");
  const trpc = useTRPC();
  const { message } = App.useApp();
  const confirm = useConfirmDelete();
  const refresh = useMailboxesRefresh();
  const toast = useErrorToast();
  const setStatus = useMutation(trpc.tenants.mailboxes.setStatus.mutationOptions({ onError: toast }));
  const remove = useMutation(trpc.tenants.mailboxes.delete.mutationOptions({ onError: toast }));

  const toggle = (m: MailboxView) => {
    const status = m.status === "active" ? "disabled" : "active";
    setStatus.mutate(
      { mailboxId: m.id, status },
      {
        onSuccess: () => {
          message.success(t(status === "disabled" ? "table.disabled" : "table.enabled", { address: m.address }));
          refresh();
        },
      },
    );
  };
  const confirmDelete = (m: MailboxView) =>
    confirm({ title: t("table.deleteConfirm", { address: m.address }), run: () => remove.mutateAsync({ mailboxId: m.id }), done: t("table.deleted", { address: m.address }) });

  return (
    <Table<MailboxView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.rows ?? []}
      locale={{ emptyText: t("table.empty") }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t("table.total", { total }),
        onChange: onPage,
      }}
      columns={[
        {
          // Name over address, as in the NetEase console: the address is the long part.
          title: `${t("table.name")} / ${t("table.address")}`,
          key: "address",
          render: (_, m) => (
            <Flex vertical>
              <Typography.Link strong onClick={() => onEdit(m)}>
                {m.displayName}
              </Typography.Link>
              <Typography.Text type="secondary" copyable={{ text: m.address }}>
                {m.address}
              </Typography.Text>
              {m.aliasCount > 0 && <Typography.Text type="secondary">{`${t("table.aliases")} ${m.aliasCount}`}</Typography.Text>}
            </Flex>
          ),
        },
        { title: t("table.department"), key: "department", width: 110, ellipsis: true, render: (_, m) => m.departmentName ?? "—" },
        {
          title: t("table.quota"),
          key: "quota",
          width: 150,
          render: (_, m) => (
            <Tooltip title={`${m.usedMb} / ${m.quotaMb} MB`}>
              <Flex vertical>
                <Typography.Text type="secondary">{`${sizeText(m.usedMb)} / ${sizeText(m.quotaMb)}`}</Typography.Text>
                <Progress percent={Math.min(100, Math.round((m.usedMb / m.quotaMb) * 100))} size="small" showInfo={false} />
              </Flex>
            </Tooltip>
          ),
        },
        {
          title: t("table.status"),
          key: "status",
          width: 110,
          render: (_, m) => (
            <Space size={4} wrap>
              <Tag color={m.status === "active" ? "success" : "default"}>{t(`status.${m.status}`)}</Tag>
              {m.mustChangePassword && <Tag color="warning">{t("table.mustChange")}</Tag>}
              <SendingSuspendedTag mailboxId={m.id} />
            </Space>
          ),
        },
        {
          title: t("table.actions"),
          key: "actions",
          width: 120,
          render: (_, m) => (
            <Space>
              <Button size="small" type="link" onClick={() => onEdit(m)}>
                {t("table.edit")}
              </Button>
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [
                    { key: "status", label: t(m.status === "active" ? "table.disable" : "table.enable") },
                    { key: "reset", label: t("table.resetPassword") },
                    { type: "divider" },
                    { key: "delete", label: t("table.delete"), danger: true },
                  ],
                  onClick: ({ key }) => (key === "status" ? toggle(m) : key === "reset" ? onResetPassword(m) : confirmDelete(m)),
                }}
              >
                <Button size="small" type="link" aria-label={`${t("table.more")} ${m.address}`}>
                  {t("table.more")}
                </Button>
              </Dropdown>
            </Space>
          ),
        },
      ]}
    />
  );
}
