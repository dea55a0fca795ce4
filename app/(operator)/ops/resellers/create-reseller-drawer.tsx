"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { ResellerRow } from "@/server/resellers/ops/reseller.types";
import { CardFields, cardInput, type CardValues } from "./_shared/card-fields";

type Values = CardValues & { name: string; parentId?: string; discountPercent: number; creditLimitYuan: number; staff: { name: string; email: string } };

/** "New reseller": company, contact card with logo and hours, parent, discount, credit limit, first staff. */
export function CreateResellerDrawer({ parents, onClose }: { parents: readonly ResellerRow[]; onClose: () => void }) {
  const t = useTranslations("resellersOps");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useTrpcFormErrors(form);
  const [requestId] = useState(newRequestId); // one per drawer: a retry of the same submission is recognised
  const [whole, setWhole] = useState<string | null>(null);
  const create = useMutation(
    trpc.resellers.ops.create.mutationOptions({
      onMutate: () => setWhole(null),
      onSuccess: (r) => {
        if (r.staff.invitationSent) message.success(t("created", { name: r.reseller.name }));
        else message.warning(t("staff.mailFailed"));
        void queryClient.invalidateQueries({ queryKey: trpc.resellers.ops.pathKey() });
        onClose();
        router.push(`/ops/resellers/${r.reseller.id}`);
      },
      onError: (e) => setWhole(showErrors(e)),
    }),
  );

  function submit(v: Values) {
    create.mutate({
      ...cardInput(v),
      name: v.name.trim(),
      parentId: v.parentId ?? null,
      discountBps: Math.round((v.discountPercent ?? 0) * 100),
      creditLimit: Math.round((v.creditLimitYuan ?? 0) * 100),
      staff: { name: v.staff.name.trim(), email: v.staff.email.trim() },
      idempotencyKey: requestId,
    });
  }

  return (
    <Drawer
      open
      size="large"
      title={t("new")}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t("create")}
          </Button>
        </Space>
      }
    >
      {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ discountPercent: 0, creditLimitYuan: 0, logo: null }}>
        <Form.Item name="name" label={t("fields.name")} rules={[{ required: true, whitespace: true, message: t("fields.nameRequired") }, { min: 2, max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="parentId" label={t("fields.parent")} extra={t("fields.parentHelp")}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t("fields.noParent")} options={parents.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Divider titlePlacement="start">{t("card.title")}</Divider>
        <CardFields />
        <Divider titlePlacement="start">{t("fields.pricing")}</Divider>
        <Space size="large" wrap>
          <Form.Item name="discountPercent" label={t("fields.discount")} rules={[{ required: true, type: "number", min: 0, max: 100 }]}>
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="creditLimitYuan" label={t("fields.creditLimit")} rules={[{ required: true, type: "number", min: 0 }]}>
            <InputNumber min={0} step={1000} precision={2} prefix="¥" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t("fields.firstStaff")}</Divider>
        <Form.Item name={["staff", "name"]} label={t("staff.name")} rules={[{ required: true, whitespace: true, message: t("staff.nameRequired") }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name={["staff", "email"]} label={t("staff.email")} extra={t("fields.staffHelp")} rules={[{ required: true, whitespace: true, message: t("staff.emailRequired") }, { type: "email", message: t("staff.emailInvalid") }]}>
          <Input maxLength={254} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
