"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input } from "antd";
import { parseYuanToFen } from "@/app/_components/money";
import { YuanAmountField } from "@/app/_components/yuan-amount-field";
import type { PendingTransfer } from "@/server/billing/orders/list-pending-transfers";
import { fenToYuanText } from "./signed-yuan";
import { useBillingFormat } from "./use-billing-format";
import { useBillingForm } from "./use-billing-form";

type Values = { reference: string; amount: string; note?: string };
type Outcome = { reference: string; amount: number; currency: string; tenantName: string | null; alreadyConfirmed: boolean };

/**
 * Records a bank transfer against an order's reference. The amount is what arrived, typed in
 * yuan; the server refuses less than the order and answers an unknown reference next to the
 * field. A second operator confirming the same transfer gets the first payment back, and is told.
 */
export function ConfirmTransferForm({ picked, onDone }: { picked: PendingTransfer | null; onDone: () => void }) {
  const t = useTranslations("opsBilling.transfers");
  const { money } = useBillingFormat();
  const { trpc, form, message, onError, refreshBilling } = useBillingForm<Values>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (picked) form.setFieldsValue({ reference: picked.reference, amount: fenToYuanText(picked.amount) });
  }, [picked, form]);

  const confirm = useMutation(
    trpc.billing.transfers.confirm.mutationOptions({
      onSuccess: ({ order, payment, alreadyConfirmed }) => {
        const done: Outcome = {
          reference: order.reference,
          amount: payment.amount,
          currency: payment.currency,
          tenantName: picked?.reference === order.reference ? picked.tenantName : null,
          alreadyConfirmed,
        };
        setOutcome(done);
        const text = alreadyConfirmed ? t("alreadyConfirmed", { reference: done.reference }) : t("confirmed", { reference: done.reference, amount: money(done.amount, done.currency) });
        if (alreadyConfirmed) message.warning(text);
        else message.success(text);
        form.resetFields();
        onDone();
        refreshBilling();
      },
      onError: (error) => {
        setOutcome(null);
        onError(error);
      },
    }),
  );

  function submit(values: Values) {
    setOutcome(null);
    const note = values.note?.trim();
    confirm.mutate({ reference: values.reference.trim(), amount: parseYuanToFen(values.amount)!, ...(note ? { note } : {}) });
  }

  return (
    <Form<Values> name="confirmTransfer" form={form} layout="vertical" onFinish={submit} requiredMark="optional">
      {picked && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t("pickedTitle", { reference: picked.reference })}
          description={t("pickedBody", { tenant: picked.tenantName, amount: money(picked.amount, picked.currency) })}
        />
      )}
      <Form.Item name="reference" label={t("reference")} extra={t("referenceHelp")} rules={[{ required: true, whitespace: true, message: t("referenceRequired") }]}>
        <Input autoComplete="off" placeholder="MS-XXXX-XXXX" style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <YuanAmountField
        t={t}
        extra={t("amountHelp")}
        problem={(text) => {
          const fen = parseYuanToFen(text);
          return fen === null ? t("amountInvalid") : fen <= 0 ? t("amountPositive") : null;
        }}
      />
      <Form.Item name="note" label={t("note")}>
        <Input.TextArea rows={2} maxLength={300} showCount placeholder={t("notePlaceholder")} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={confirm.isPending} block>
        {t("confirm")}
      </Button>
      {outcome && (
        <Alert
          showIcon
          style={{ marginTop: 16 }}
          type={outcome.alreadyConfirmed ? "warning" : "success"}
          title={
            outcome.alreadyConfirmed
              ? t("alreadyConfirmed", { reference: outcome.reference })
              : t("confirmed", { reference: outcome.reference, amount: money(outcome.amount, outcome.currency) })
          }
          description={outcome.tenantName ? t("confirmedFor", { tenant: outcome.tenantName }) : undefined}
        />
      )}
    </Form>
  );
}
