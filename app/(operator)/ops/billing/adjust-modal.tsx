"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ReasonField } from "@/app/_components/reason-field";
import { useMutation } from "@tanstack/react-query";
import { Checkbox, Form, Input, Modal } from "antd";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";
import { parseSignedYuanToFen } from "./signed-yuan";
import { useBillingFormat } from "./use-billing-format";
import { useBillingForm } from "./use-billing-form";

type Values = { amount: string; reason: string; refund: boolean };

/**
 * A manual ledger entry with a reason: positive credits the balance, negative debits it; a refund
 * is money paid back and must be negative. One request id per opening, so a double click or a
 * retry after a timeout books it once.
 */
export function AdjustModal({ tenant, onClose }: { tenant: TenantSummary; onClose: () => void }) {
  const t = useTranslations("opsBilling.adjust");
  const { money } = useBillingFormat();
  const { trpc, form, message, onError, refreshBilling } = useBillingForm<Values>();
  const [requestId] = useState(newRequestId);

  const adjust = useMutation(
    trpc.billing.ops.adjust.mutationOptions({
      onSuccess: (result) => {
        message.success(t(result.reactivated ? "doneReactivated" : "done", { tenant: tenant.name, balance: money(result.balance) }));
        refreshBilling();
        onClose();
      },
      onError,
    }),
  );

  function submit(values: Values) {
    const amount = parseSignedYuanToFen(values.amount)!;
    adjust.mutate({ tenantId: tenant.tenantId, amount, reason: values.reason.trim(), refund: values.refund, idempotencyKey: requestId });
  }

  return (
    <Modal
      open
      title={t("title", { tenant: tenant.name })}
      okText={t("submit")}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      <Form<Values> name="adjustBalance" form={form} layout="vertical" initialValues={{ refund: false }} onFinish={submit}>
        <Form.Item
          name="amount"
          label={t("amount")}
          extra={t("amountHelp")}
          dependencies={["refund"]}
          rules={[
            { required: true, message: t("amountRequired") },
            ({ getFieldValue }) => ({
              validator: async (_, text: string | undefined) => {
                if (!text) return;
                const fen = parseSignedYuanToFen(text);
                if (fen === null) throw new Error(t("amountInvalid"));
                if (fen === 0) throw new Error(t("amountZero"));
                if (getFieldValue("refund") && fen > 0) throw new Error(t("refundNegative"));
              },
            }),
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" placeholder="-100.00" />
        </Form.Item>
        <ReasonField t={t} />
        <Form.Item name="refund" valuePropName="checked" extra={t("refundHelp")}>
          <Checkbox>{t("refund")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
