"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button, Drawer, Flex, Form, Input, Select, Space } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DomainView } from "@/server/domains/domain-view";
import type { ListPolicy } from "@/server/generated/prisma/enums.ts";
import type { ListSummary } from "@/server/tenants/lists/list-view";
import { ListSettingsFields } from "./list-settings-fields";
import { useListForm } from "./use-list-form";

type CreateValues = { localPart: string; domainId: string; name: string; description?: string; policy: ListPolicy };

/**
 * 新建邮件列表: address (part before @ and one of the tenant's domains), name, description and
 * policy. Mounted only while open, so each opening starts empty. On success the list opens for
 * its members (`onCreated`).
 */
export function CreateListDrawer({ domains, onClose, onCreated }: { domains: DomainView[]; onClose: () => void; onCreated: (list: ListSummary) => void }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const { form, message, onError, refresh } = useListForm<CreateValues>();
  const create = useMutation(
    trpc.tenants.lists.create.mutationOptions({
      onSuccess: (list) => {
        message.success(t("form.created", { address: list.address }));
        refresh();
        onCreated(list);
      },
      onError,
    }),
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={560}
      title={t("form.createTitle")}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t("form.cancel")}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t("form.create")}
          </Button>
        </Flex>
      }
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="create-list"
        aria-label={t("form.createTitle")}
        initialValues={{ domainId: domains[0]?.id, policy: "anyone" }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item label={t("form.address")} required style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="localPart" rules={[{ required: true, whitespace: true, message: t("form.required") }]} style={{ flex: 1 }}>
              <Input aria-label={t("form.localPart")} placeholder={t("form.localPartPlaceholder")} autoComplete="off" />
            </Form.Item>
            <Form.Item name="domainId" rules={[{ required: true, message: t("form.required") }]} style={{ width: 240 }}>
              <Select aria-label={t("form.domain")} prefix="@" options={domains.map((d) => ({ value: d.id, label: d.unicodeName }))} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <ListSettingsFields />
      </Form>
    </Drawer>
  );
}
