"use client";

import { useTranslations } from "next-intl";
import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { IpRuleView, IpRulesView } from "@/server/auth/policy/list-ip-rules";
import { usePolicyApi, usePolicyMutation } from "./policy-api";
import type { IpRulesSource } from "./policy-ip-preview";

type Channel = "web" | "mail";
type Fields = { action: "allow" | "deny"; cidr: string; note?: string };
const ACTION_COLOR = { allow: "green", deny: "red" } as const;

/** One channel's rules (web portal or mail clients): its default for the rest, its ranges, and a form to add one. */
export function PolicyIpChannel({ source, channel, view }: { source: IpRulesSource; channel: Channel; view: IpRulesView }) {
  const t = useTranslations("securityPolicy");
  const fmt = useDisplayFormat();
  const api = usePolicyApi();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const add = usePolicyMutation(
    (v: Fields) => (source.kind === "tenant" ? api.client.tenant.addIpRule.mutate({ ...v, channel }) : api.client.ops.addIpRule.mutate({ ...v, channel, tenantId: source.tenantId })),
    {
      done: t("ipRules.added"),
      onSuccess: () => form.resetFields(["cidr", "note"]),
      onError: (e) => {
        const rest = showErrors(e);
        if (rest) api.message.error(rest);
      },
    },
  );
  const remove = usePolicyMutation((id: string) => (source.kind === "tenant" ? api.client.tenant.removeIpRule.mutate({ id }) : api.client.ops.removeIpRule.mutate({ id })), { done: t("ipRules.removed") });
  const setDefault = usePolicyMutation((value: "allow" | "deny") => api.client.tenant.update.mutate(channel === "web" ? { webDefault: value } : { mailDefault: value }), { done: t("saved") });
  const rules = view.rules.filter((r) => r.channel === channel);
  const fallback = view.defaults[channel];

  return (
    <Card title={t(`ipRules.channels.${channel}.title`)} data-testid={`ip-rules-${channel}`}>
      <Typography.Paragraph type="secondary">{t(`ipRules.channels.${channel}.intro`)}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text strong>{t("ipRules.default")}</Typography.Text>
        {source.kind === "tenant" ? (
          <Select<"allow" | "deny">
            aria-label={t("ipRules.default")}
            value={fallback}
            loading={setDefault.isPending}
            onChange={(v) => setDefault.mutate(v)}
            style={{ width: 200 }}
            options={(["allow", "deny"] as const).map((v) => ({ value: v, label: t(`ipRules.defaults.${v}`) }))}
          />
        ) : (
          <Tag color={ACTION_COLOR[fallback]}>{t(`ipRules.defaults.${fallback}`)}</Tag>
        )}
      </Space>
      <Form form={form} layout="inline" initialValues={{ action: "allow" }} onFinish={(v) => add.mutate(v)} disabled={add.isPending} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label={t("ipRules.action")}>
          <Select style={{ width: 110 }} aria-label={t("ipRules.action")} options={(["allow", "deny"] as const).map((v) => ({ value: v, label: t(`ipRules.actions.${v}`) }))} />
        </Form.Item>
        <Form.Item name="cidr" label={t("cidr")} rules={[{ required: true, whitespace: true, message: t("cidrRequired") }]}>
          <Input placeholder={t("cidrPlaceholder")} style={{ width: 220 }} aria-label={t("cidr")} />
        </Form.Item>
        <Form.Item name="note" label={t("note")}>
          <Input maxLength={120} placeholder={t("notePlaceholder")} style={{ width: 200 }} aria-label={t("note")} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("ipRules.add")}
        </Button>
      </Form>
      <Table<IpRuleView>
        rowKey="id"
        size="small"
        dataSource={rules}
        pagination={false}
        locale={{ emptyText: t("ipRules.empty") }}
        columns={[
          { key: "action", title: t("ipRules.action"), render: (_, r) => <Tag color={ACTION_COLOR[r.action]}>{t(`ipRules.actions.${r.action}`)}</Tag> },
          { key: "cidr", title: t("cidr"), render: (_, r) => <Typography.Text code>{r.cidr}</Typography.Text> },
          { key: "note", title: t("note"), render: (_, r) => r.note ?? "—" },
          { key: "createdAt", title: t("createdAt"), render: (_, r) => fmt.shortDateTime(r.createdAt) },
          {
            key: "actions",
            title: "",
            width: 100,
            render: (_, r) => (
              <Popconfirm title={t("removeConfirm", { cidr: r.cidr })} okText={t("remove")} onConfirm={() => remove.mutate(r.id)}>
                <Button size="small" danger loading={remove.isPending && remove.variables === r.id}>
                  {t("remove")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
