"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Select, Tag } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { DomainNameView, DomainView } from "@/server/domains/domain-view";

type AddValues = { name: string; primaryId?: string };

/**
 * 添加域名: a name, optionally as an alias of one of the tenant's primary domains. Given `primary`
 * (on that primary's own page), it adds an alias of that domain only: no choice of primary.
 */
export function AddDomainForm({ rows, limit, primary }: { rows: DomainView[]; limit: number; primary?: DomainNameView }) {
  const t = useTranslations("domains");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const showErrors = useTrpcFormErrors(form);
  const [formError, setFormError] = useState<string | null>(null);
  const callbacks = {
    onSuccess: (domain: DomainView) => {
      form.resetFields();
      setFormError(null);
      message.success(t("add.added", { name: domain.unicodeName }));
      void queryClient.invalidateQueries({ queryKey: trpc.domains.pathKey() });
    },
    onError: (error: unknown) => setFormError(showErrors(error)),
  };
  const add = useMutation(trpc.domains.add.mutationOptions(callbacks));
  const addAlias = useMutation(trpc.domains.addAlias.mutationOptions(callbacks));
  const primaries = primary ? [] : rows.filter((d) => !d.aliasOf);
  const full = rows.length >= limit;
  const title = primary ? t("add.aliasTitle", { name: primary.unicodeName }) : t("add.title");

  const submit = ({ name, primaryId = primary?.id }: AddValues) => {
    setFormError(null);
    if (primaryId) addAlias.mutate({ primaryId, name });
    else add.mutate({ name });
  };

  return (
    <Card size={primary ? "small" : undefined} title={title} extra={<Tag color={full ? "warning" : "default"}>{t("count", { used: rows.length, limit })}</Tag>}>
      {full && <Alert type="warning" showIcon title={t("add.limitReached", { limit })} style={{ marginBottom: 16 }} />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" name="add-domain" aria-label={title} onFinish={submit} onValuesChange={() => setFormError(null)}>
        {/* A fixed-width control: a refusal wraps under the field instead of widening the item and pushing the button aside. */}
        <Form.Item name="name" label={t("add.name")} wrapperCol={{ flex: "260px" }} rules={[{ required: true, whitespace: false, message: t("add.placeholder") }]}>
          <Input placeholder={t("add.placeholder")} autoComplete="off" />
        </Form.Item>
        {primaries.length > 0 && (
          <Form.Item name="primaryId" label={t("add.aliasOf")} tooltip={t("add.aliasHelp")}>
            <Select
              allowClear
              placeholder={t("add.noAlias")}
              style={{ width: 220 }}
              options={primaries.map((d) => ({ value: d.id, label: d.unicodeName }))}
            />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending || addAlias.isPending} disabled={full}>
            {primary ? t("add.submitAlias") : t("add.submit")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
