"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DomainView } from "@/server/domains/domain-view";
import type { MailboxView } from "@/server/tenants/mailboxes/mailbox-view";
import { useErrorToast, useMailboxesForm } from "./use-mailboxes-form";

type Values = { localPart: string; domainId: string };

/** 别名: the mailbox's aliases with "2 / 5", each removable, and a form adding one on any of the tenant's domains. */
export function AliasesSection({ mailbox, domains }: { mailbox: MailboxView; domains: DomainView[] }) {
  const t = useTranslations("mailboxes.aliases");
  const tf = useTranslations("mailboxes.form");
  const trpc = useTRPC();
  const { form, message, refresh, placeErrors } = useMailboxesForm<Values>();
  const toast = useErrorToast();
  const [formError, setFormError] = useState<string | null>(null);
  const aliases = useQuery(trpc.tenants.mailboxes.aliases.queryOptions({ mailboxId: mailbox.id }));
  const add = useMutation(
    trpc.tenants.mailboxes.addAlias.mutationOptions({
      onSuccess: (alias) => {
        message.success(t("added", { address: alias.address }));
        form.resetFields(["localPart"]);
        refresh();
      },
      onError: (error) => setFormError(placeErrors(error)),
    }),
  );
  const remove = useMutation(
    trpc.tenants.mailboxes.removeAlias.mutationOptions({
      onSuccess: ({ removed }) => {
        message.success(t("removed", { address: removed }));
        refresh();
      },
      onError: toast,
    }),
  );
  const rows = aliases.data?.rows ?? [];
  const limit = aliases.data?.limit ?? 0;
  const full = aliases.data !== undefined && rows.length >= limit;

  return (
    <section aria-label={t("title")}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("title")}
        </Typography.Title>
        <Tag color={full ? "warning" : "default"}>{t("count", { used: rows.length, limit })}</Tag>
      </Flex>
      <Typography.Paragraph type="secondary">{t("help")}</Typography.Paragraph>
      <List
        size="small"
        bordered
        loading={aliases.isLoading}
        locale={{ emptyText: t("empty") }}
        dataSource={rows}
        renderItem={(alias) => (
          <List.Item
            actions={[
              <Popconfirm key="remove" title={t("removeConfirm", { address: alias.address })} onConfirm={() => remove.mutate({ mailboxId: mailbox.id, address: alias.address })}>
                <Button size="small" type="link" danger>
                  {t("remove")}
                </Button>
              </Popconfirm>,
            ]}
          >
            {alias.address}
          </List.Item>
        )}
      />
      {full && <Alert type="info" showIcon title={t("full")} style={{ marginTop: 12 }} />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
      <Form<Values>
        form={form}
        name="add-alias"
        aria-label={t("add")}
        style={{ marginTop: 12 }}
        initialValues={{ domainId: mailbox.domainId }}
        onFinish={(v) => add.mutate({ mailboxId: mailbox.id, ...v })}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="localPart" rules={[{ required: true, whitespace: true, message: tf("required") }]} style={{ flex: 1, marginBottom: 0 }}>
              <Input aria-label={`${t("title")} ${tf("localPart")}`} placeholder={tf("localPartPlaceholder")} autoComplete="off" />
            </Form.Item>
            <Form.Item name="domainId" style={{ width: 220, marginBottom: 0 }}>
              <Select aria-label={`${t("title")} ${tf("domain")}`} prefix="@" options={domains.map((d) => ({ value: d.id, label: d.unicodeName }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t("add")}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </section>
  );
}
