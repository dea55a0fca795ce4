"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Divider, Form, Input, Modal, Select } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { ResellerRow, ResellerStatus } from "@/server/resellers/ops/reseller.types";
import { CardFields, cardInput, type CardValues } from "@/app/(operator)/ops/resellers/_shared/card-fields";

export type SubReseller = ResellerRow & { serviceHours: string | null; logo: string | null };
type Values = CardValues & { name: string; status: ResellerStatus; staff: { name: string; email: string } };

/** Create (sub = null) or edit a sub-reseller: company, contact card, status; a first staff account when new. */
export function SubResellerForm({ sub, onClose }: { sub: SubReseller | null; onClose: () => void }) {
  const t = useTranslations("resellerProfile.subResellers");
  const tOps = useTranslations("resellersOps");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useTrpcFormErrors(form);
  const [requestId] = useState(newRequestId);
  const [whole, setWhole] = useState<string | null>(null);
  const after = {
    onMutate: () => setWhole(null),
    onSuccess: () => {
      message.success(sub ? tOps("saved") : t("created"));
      void queryClient.invalidateQueries({ queryKey: trpc.resellers.self.pathKey() });
      onClose();
    },
    onError: (e: unknown) => setWhole(showErrors(e)),
  };
  const create = useMutation(trpc.resellers.self.createSubReseller.mutationOptions(after));
  const update = useMutation(trpc.resellers.self.updateSubReseller.mutationOptions(after));

  function submit(v: Values) {
    if (sub) update.mutate({ resellerId: sub.id, ...cardInput(v), name: v.name.trim(), status: v.status });
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
        initialValues={sub ? { name: sub.name, status: sub.status, contactName: sub.contactName ?? "", contactPhone: sub.contactPhone ?? "", contactEmail: sub.contactEmail ?? "", logo: sub.logo, serviceHours: sub.serviceHours ?? "" } : { logo: null, status: "active" }}
      >
        <Form.Item name="name" label={tOps("fields.name")} rules={[{ required: true, whitespace: true, message: tOps("fields.nameRequired") }]}>
          <Input maxLength={120} />
        </Form.Item>
        {sub && (
          <Form.Item name="status" label={tOps("columns.status")}>
            <Select options={(["active", "suspended"] as const).map((s) => ({ value: s, label: tOps(`statuses.${s}`) }))} />
          </Form.Item>
        )}
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
