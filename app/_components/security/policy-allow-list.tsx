"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { usePolicyApi, usePolicyMutation } from "./policy-api";

type Fields = { cidr: string; note?: string };

/**
 * The lockout allow-list of the tenant (kind "tenant") or the platform (kind "ops"): addresses
 * whose failed sign-ins are logged but never counted, and which are never locked (seed 001).
 */
export function PolicyAllowList({ kind }: { kind: "tenant" | "ops" }) {
  const t = useTranslations("securityPolicy");
  const fmt = useDisplayFormat();
  const api = usePolicyApi();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const list = useQuery(kind === "tenant" ? api.trpc.security.policy.tenant.allowList.queryOptions() : api.trpc.security.policy.ops.allowList.queryOptions());
  const add = usePolicyMutation((v: Fields) => (kind === "tenant" ? api.client.tenant.addAllowEntry.mutate(v) : api.client.ops.addAllowEntry.mutate(v)), {
    done: t("allowList.added"),
    onSuccess: () => form.resetFields(),
    onError: (e) => {
      const rest = showErrors(e);
      if (rest) api.message.error(rest);
    },
  });
  const remove = usePolicyMutation((id: string) => (kind === "tenant" ? api.client.tenant.removeAllowEntry.mutate({ id }) : api.client.ops.removeAllowEntry.mutate({ id })), { done: t("allowList.removed") });

  return (
    <Card title={t("allowList.title")} data-testid="allow-list">
      <Typography.Paragraph type="secondary">{kind === "tenant" ? t("allowList.intro") : t("allowList.introPlatform")}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} disabled={add.isPending} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="cidr" label={t("cidr")} rules={[{ required: true, whitespace: true, message: t("cidrRequired") }]}>
          <Input placeholder={t("cidrPlaceholder")} style={{ width: 220 }} aria-label={t("cidr")} />
        </Form.Item>
        <Form.Item name="note" label={t("note")}>
          <Input maxLength={120} placeholder={t("notePlaceholder")} style={{ width: 220 }} aria-label={t("note")} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("allowList.add")}
        </Button>
      </Form>
      {list.isError ? (
        <Alert type="error" showIcon title={api.refusal(list.error)} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.entries ?? []}
          pagination={false}
          locale={{ emptyText: t("allowList.empty") }}
          footer={list.data ? () => t("count", { count: list.data.entries.length, max: list.data.max }) : undefined}
          columns={[
            { key: "cidr", title: t("cidr"), dataIndex: "cidr", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { key: "note", title: t("note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
            { key: "createdAt", title: t("createdAt"), dataIndex: "createdAt", render: (d: Date) => fmt.shortDateTime(d) },
            {
              key: "actions",
              title: "",
              width: 100,
              render: (_: unknown, row: { id: string; cidr: string }) => (
                <Space>
                  <Popconfirm title={t("removeConfirm", { cidr: row.cidr })} okText={t("remove")} onConfirm={() => remove.mutate(row.id)}>
                    <Button size="small" danger loading={remove.isPending && remove.variables === row.id}>
                      {t("remove")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
