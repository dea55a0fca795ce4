"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { parseYuanToFen } from "@/app/_components/money";
import { ReasonField } from "@/app/_components/reason-field";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { parseSignedYuanToFen } from "@/app/(operator)/ops/billing/signed-yuan";

// An operator's entries on a reseller's account (H2). One request id per opening of a modal, so
// a double click or a retry after a timeout books the money once.

function useEntryForm<V>(resellerId: string, onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const showErrors = useTrpcFormErrors(form);
  const [requestId] = useState(newRequestId);
  const { money } = useDisplayFormat();
  return {
    trpc,
    form,
    requestId,
    done: (balance: number, text: (b: string) => string) => {
      message.success(text(money(balance)));
      void queryClient.invalidateQueries({ queryKey: trpc.resellers.accountsOps.pathKey() });
      onClose();
    },
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
    resellerId,
  };
}

type PaymentValues = { amount: string; reference: string; note?: string };

export function RecordPaymentModal({ resellerId, onClose }: { resellerId: string; onClose: () => void }) {
  const t = useTranslations("resellerAccount.payment");
  const f = useEntryForm<PaymentValues>(resellerId, onClose);
  const record = useMutation(
    f.trpc.resellers.accountsOps.recordPayment.mutationOptions({ onSuccess: (r) => f.done(r.balance, (balance) => t("done", { balance })), onError: f.onError }),
  );
  const submit = (v: PaymentValues) =>
    record.mutate({ resellerId, amount: parseYuanToFen(v.amount) ?? 0, reference: v.reference.trim(), note: v.note?.trim() || undefined, idempotencyKey: f.requestId });
  return (
    <Modal open title={t("title")} okText={t("submit")} cancelText={t("cancel")} onOk={() => f.form.submit()} onCancel={onClose} confirmLoading={record.isPending} destroyOnHidden>
      <Form<PaymentValues> name="resellerPayment" form={f.form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="amount"
          label={t("amount")}
          rules={[
            { required: true, message: t("amountRequired") },
            {
              validator: async (_, v?: string) => {
                if (v && !(parseYuanToFen(v) ?? 0)) throw new Error(t("amountInvalid"));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="reference" label={t("reference")} extra={t("referenceHelp")} rules={[{ required: true, whitespace: true, message: t("referenceRequired") }, { max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t("note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AdjustValues = { amount: string; reason: string };

export function RecordAdjustmentModal({ resellerId, onClose }: { resellerId: string; onClose: () => void }) {
  const t = useTranslations("resellerAccount.adjustment");
  const f = useEntryForm<AdjustValues>(resellerId, onClose);
  const record = useMutation(
    f.trpc.resellers.accountsOps.recordAdjustment.mutationOptions({ onSuccess: (r) => f.done(r.balance, (balance) => t("done", { balance })), onError: f.onError }),
  );
  const submit = (v: AdjustValues) => record.mutate({ resellerId, amount: parseSignedYuanToFen(v.amount) ?? 0, reason: v.reason.trim(), idempotencyKey: f.requestId });
  return (
    <Modal open title={t("title")} okText={t("submit")} cancelText={t("cancel")} onOk={() => f.form.submit()} onCancel={onClose} confirmLoading={record.isPending} destroyOnHidden>
      <Form<AdjustValues> name="resellerAdjustment" form={f.form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="amount"
          label={t("amount")}
          extra={t("amountHelp")}
          rules={[
            { required: true, message: t("amountRequired") },
            {
              validator: async (_, v?: string) => {
                if (v && !parseSignedYuanToFen(v)) throw new Error(t("amountInvalid"));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" placeholder="-100.00" />
        </Form.Item>
        <ReasonField t={t} />
      </Form>
    </Modal>
  );
}
