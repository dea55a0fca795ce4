"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal, type FormInstance } from "antd";
import { parseYuanToFen } from "@/app/_components/money";
import { ReasonField } from "@/app/_components/reason-field";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import { YuanAmountField } from "@/app/_components/yuan-amount-field";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { parseSignedYuanToFen } from "@/app/(operator)/ops/billing/signed-yuan";

// An operator's entries on a reseller's account. One request id per opening of a modal, so
// a double click or a retry after a timeout books the money once.

function useEntryForm<V>(resellerId: string, onClose: () => void) {
  const { trpc, form, requestId, succeeded, onError } = useMutationForm<V>();
  const { money } = useDisplayFormat();
  return {
    trpc,
    form,
    requestId,
    done: (balance: number, text: (b: string) => string) => {
      succeeded(text(money(balance)), trpc.resellers.accountsOps.pathKey());
      onClose();
    },
    onError,
    resellerId,
  };
}

/** The modal and its form; the namespace's t gives title, submit and cancel. */
function EntryModal<V>(p: {
  t: (key: "title" | "submit" | "cancel") => string;
  name: string;
  form: FormInstance<V>;
  pending: boolean;
  onFinish: (values: V) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open title={p.t("title")} okText={p.t("submit")} cancelText={p.t("cancel")} onOk={() => p.form.submit()} onCancel={p.onClose} confirmLoading={p.pending} destroyOnHidden>
      <Form<V> name={p.name} form={p.form} layout="vertical" onFinish={p.onFinish}>
        {p.children}
      </Form>
    </Modal>
  );
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
    <EntryModal<PaymentValues> t={t} name="resellerPayment" form={f.form} pending={record.isPending} onFinish={submit} onClose={onClose}>
      <YuanAmountField t={t} problem={(v) => ((parseYuanToFen(v) ?? 0) ? null : t("amountInvalid"))} />
      <Form.Item name="reference" label={t("reference")} extra={t("referenceHelp")} rules={[{ required: true, whitespace: true, message: t("referenceRequired") }, { max: 100 }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={t("note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </EntryModal>
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
    <EntryModal<AdjustValues> t={t} name="resellerAdjustment" form={f.form} pending={record.isPending} onFinish={submit} onClose={onClose}>
      <YuanAmountField t={t} extra={t("amountHelp")} placeholder="-100.00" problem={(v) => (parseSignedYuanToFen(v) ? null : t("amountInvalid"))} />
      <ReasonField t={t} />
    </EntryModal>
  );
}
