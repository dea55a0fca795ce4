"use client";

import { useTranslations } from "next-intl";
import { ReasonField } from "@/app/_components/reason-field";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal } from "antd";
import { parseYuanToFen } from "@/app/_components/money";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { CreditQueueRow } from "@/server/sla/reports/list-credits";
import { fenToYuanText } from "../billing/signed-yuan";
import { useSlaOpsForm } from "./use-sla-ops";

export type Decision = "adjust" | "reject";
type Values = { amount?: string; reason: string };


/**
 * Adjust (approve another amount, in yuan, within the cap, with a reason) or reject (with a
 * reason). The server has the last word: its refusals (above the cap, a decision already made)
 * land under the field they concern.
 */
export function DecideModal({ decision, credit, onClose }: { decision: Decision; credit: CreditQueueRow; onClose: () => void }) {
  const t = useTranslations("opsSla.credits");
  const { money } = useDisplayFormat();
  const { trpc, form, message, onError, refreshSla } = useSlaOpsForm<Values>();
  const cap = money(credit.capAmount, credit.currency);
  const decide = useMutation(
    trpc.sla.ops.decideCredit.mutationOptions({
      onSuccess: (result) => {
        if (decision === "reject") message.success(t("rejected", { tenant: credit.tenantName }));
        else message.success(t("approved", { tenant: credit.tenantName, amount: money(result.credit.amount ?? 0, credit.currency) }));
        refreshSla();
        onClose();
      },
      onError,
    }),
  );

  function submit(values: Values) {
    const reason = values.reason.trim();
    if (decision === "reject") decide.mutate({ creditId: credit.id, decision: "reject", reason });
    else decide.mutate({ creditId: credit.id, decision: "approve", amount: parseYuanToFen(values.amount ?? "")!, reason });
  }

  return (
    <Modal
      open
      title={t(decision === "adjust" ? "adjustTitle" : "rejectTitle", { tenant: credit.tenantName })}
      okText={t(decision === "adjust" ? "submitAdjust" : "submitReject")}
      okButtonProps={{ danger: decision === "reject" }}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form<Values> name={`${decision}Credit`} form={form} layout="vertical" initialValues={{ amount: fenToYuanText(credit.proposedAmount), reason: "" }} onFinish={submit}>
        {decision === "adjust" && (
          <Form.Item
            name="amount"
            label={t("amount")}
            extra={t("amountHelp", { proposed: money(credit.proposedAmount, credit.currency), cap })}
            rules={[
              { required: true, message: t("amountRequired") },
              {
                validator: async (_, text: string | undefined) => {
                  if (!text) return;
                  const fen = parseYuanToFen(text);
                  // Above the cap is the server's to refuse: its message lands under this field.
                  if (fen === null) throw new Error(t("amountInvalid"));
                },
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" autoComplete="off" />
          </Form.Item>
        )}
        <ReasonField t={t} />
      </Form>
    </Modal>
  );
}
