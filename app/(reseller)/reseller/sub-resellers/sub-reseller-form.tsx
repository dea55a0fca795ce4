"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Divider, Form, Input, Modal } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import type { ResellerRow } from "@/server/resellers/ops/reseller.types";
import { cardValuesOf } from "@/app/(operator)/ops/resellers/_shared/card-editor";
import { CardFields, cardInput, type CardValues } from "@/app/(operator)/ops/resellers/_shared/card-fields";

export type SubReseller = ResellerRow & { serviceHours: string | null; logo: string | null };
type Values = CardValues & { name: string; staff: { name: string; email: string } };

/** Create (sub = null) or edit a sub-reseller: company and contact card (its status is the platform's); a first staff account when new. */
export function SubResellerForm({ sub, onClose }: { sub: SubReseller | null; onClose: () => void }) {
  const t = useTranslations("resellerProfile.subResellers");
  const tOps = useTranslations("resellersOps");
  const { trpc, form, requestId, whole, wholeError, succeeded } = useMutationForm<Values>();
  const after = {
    ...wholeError,
    onSuccess: () => {
      succeeded(sub ? tOps("saved") : t("created"), trpc.resellers.self.pathKey());
      onClose();
    },
  };
  const create = useMutation(trpc.resellers.self.createSubReseller.mutationOptions(after));
  const update = useMutation(trpc.resellers.self.updateSubReseller.mutationOptions(after));

  function submit(v: Values) {
    if (sub) update.mutate({ resellerId: sub.id, ...cardInput(v), name: v.name.trim() });
    else create.mutate({ ...cardInput(v), name: v.name.trim(), staff: { name: v.staff.name.trim(), email: v.staff.email.trim() }, idempotencyKey: requestId });
  }

  return (
    <Modal open width={640} title={sub ? t("editTitle", { name: sub.name }) : t("new")} okText={sub ? tOps("save") : tOps("create")} confirmLoading={create.isPending || update.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
      {!sub && <Alert type="info" showIcon title={t("inherits")} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={sub ? { name: sub.name, ...cardValuesOf(sub) } : { logo: null }}
      >
        <Form.Item name="name" label={tOps("fields.name")} rules={[{ required: true, whitespace: true, message: tOps("fields.nameRequired") }]}>
          <Input maxLength={120} />
        </Form.Item>
        <CardFields />
        {!sub && (
          <>
            <Divider titlePlacement="start">{tOps("fields.firstStaff")}</Divider>
            <Form.Item name={["staff", "name"]} label={tOps("staff.name")} rules={[{ required: true, whitespace: true, message: tOps("staff.nameRequired") }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name={["staff", "email"]} label={tOps("staff.email")} rules={[{ required: true, whitespace: true, message: tOps("staff.emailRequired") }, { type: "email", message: tOps("staff.emailInvalid") }]}>
              <Input maxLength={254} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
