"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { ApiKeyRow, ApiKeyState } from "@/server/provisioning/api-keys/api-key.types";
import type { ApiScope } from "@/server/provisioning/api-keys/scopes";
import { KeyFormModal } from "./key-form-modal";
import { SecretModal } from "./secret-modal";
import { useApiKeysRouter, type KeysPortal } from "./use-api-keys";

const STATE_COLOR: Record<ApiKeyState, string> = { active: "green", expired: "orange", revoked: "default" };

/** The API keys table of /ops/api-keys and /reseller/api-keys: create (secret shown once), edit, revoke. */
export function ApiKeysManager({ portal }: { portal: KeysPortal }) {
  const t = useTranslations("apiKeys");
  const fmt = useDisplayFormat();
  const keys = useApiKeysRouter(portal);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form, setForm] = useState<{ editing: ApiKeyRow | null } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useQuery(keys.list.queryOptions());
  const revoke = useMutation(
    keys.revoke.mutationOptions({
      onSuccess: (k) => (message.success(t("revoked", { name: k.name })), void queryClient.invalidateQueries({ queryKey: keys.list.queryKey() })),
      onError: (e) => message.error(e.message),
    }),
  );

  const columns: TableColumnsType<ApiKeyRow> = [
    { title: t("columns.name"), dataIndex: "name", width: 180 },
    { title: t("columns.prefix"), dataIndex: "prefix", width: 220, render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    ...(portal === "operator"
      ? [{ title: t("columns.owner"), key: "owner", width: 140, render: (_: unknown, r: ApiKeyRow) => (r.ownerKind === "operator" ? t("owner.operator") : (r.resellerName ?? r.resellerId)) }]
      : []),
    {
      title: t("columns.scopes"),
      dataIndex: "scopes",
      render: (scopes: ApiScope[]) => (
        <Space size={[4, 4]} wrap>
          {scopes.map((s) => (
            // The API's own name, as in the docs; what it allows in the reader's language on hover.
            <Tooltip key={s} title={t(`scopes.${s}`)}>
              <Tag>{s}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: t("columns.state"), dataIndex: "state", width: 90, render: (s: ApiKeyState) => <Tag color={STATE_COLOR[s]}>{t(`state.${s}`)}</Tag> },
    {
      title: t("columns.createdAt"),
      key: "createdAt",
      width: 170,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{fmt.shortDateTime(r.createdAt)}</span>
          {r.createdByEmail && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("createdBy", { who: r.createdByEmail })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t("columns.lastUsedAt"), dataIndex: "lastUsedAt", width: 140, render: (d: Date | null) => (d ? fmt.shortDateTime(d) : t("never")) },
    { title: t("columns.expiresAt"), dataIndex: "expiresAt", width: 140, render: (d: Date | null) => (d ? fmt.shortDateTime(d) : t("noExpiry")) },
    {
      title: t("columns.actions"),
      key: "actions",
      width: 150,
      render: (_, r) =>
        r.state === "revoked" ? null : (
          <Space>
            <Button size="small" onClick={() => setForm({ editing: r })}>
              {t("edit")}
            </Button>
            <Popconfirm title={t("revokeConfirm", { name: r.name })} okText={t("revoke")} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutate({ apiKeyId: r.id })}>
              <Button size="small" danger loading={revoke.isPending && revoke.variables?.apiKeyId === r.id}>
                {t("revoke")}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  if (list.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={list.error.message} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setForm({ editing: null })}>
          {t("create")}
        </Button>
        <Typography.Link href="/api/v1/openapi.json" target="_blank">
          {t("docs")}
        </Typography.Link>
      </Space>
      <Table<ApiKeyRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        columns={columns}
        locale={{ emptyText: t("empty") }}
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      {form && (
        <KeyFormModal
          portal={portal}
          editing={form.editing}
          onClose={() => setForm(null)}
          onCreated={(k) => {
            setForm(null);
            setSecret(k.secret);
          }}
        />
      )}
      {secret && <SecretModal secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
