"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Col, Form, Input, InputNumber, Modal, Row } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { parseYuanToFen } from "@/app/_components/money";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import { changedFields, toFormValues, toPlanFields, type PlanFormValues } from "./plan-form-values";
import { SizeInput } from "./size-input";

const MAX_PRICE_FEN = 100_000_000; // the server's bound, checked here too so the message speaks yuan

/**
 * "New plan" (plan = null) or "Edit" in a modal. Mounted only while open, so each opening starts
 * from the plan's current values. Server field errors appear under their inputs.
 */
export function PlanFormModal({ plan, onClose }: { plan: PlanRow | null; onClose: () => void }) {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const showErrors = useTrpcFormErrors(form);

  const mutationHandlers = {
    onSuccess: (saved: PlanRow) => {
      message.success(t(plan ? "saved" : "created", { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: trpc.billing.plans.pathKey() });
      onClose();
    },
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
  };
  const create = useMutation(trpc.billing.plans.create.mutationOptions(mutationHandlers));
  const update = useMutation(trpc.billing.plans.update.mutationOptions(mutationHandlers));

  function submit(values: PlanFormValues) {
    const fields = toPlanFields(values);
    if (!plan) return create.mutate({ ...fields, code: values.code });
    const changes = changedFields(fields, plan);
    if (Object.keys(changes).length === 0) {
      message.info(t("unchanged"));
      return onClose();
    }
    update.mutate({ id: plan.id, ...changes });
  }

  const required = { required: true, message: t("form.required") };
  const item = (name: keyof PlanFormValues, label: string, input: ReactNode, extra?: string, isRequired = true) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label} extra={extra} rules={isRequired ? [required] : []}>
        {input}
      </Form.Item>
    </Col>
  );
  const count = (suffix?: string) => <InputNumber<number> style={{ width: "100%" }} suffix={suffix} />;

  return (
    <Modal
      open
      title={plan ? t("form.editTitle", { name: plan.name }) : t("form.createTitle")}
      okText={plan ? t("form.save") : t("form.create")}
      cancelText={t("form.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={720}
    >
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={toFormValues(plan)} onFinish={submit}>
        <Row gutter={16}>
          {item("code", t("form.code"), <Input disabled={plan !== null} autoComplete="off" />, t("form.codeHelp"))}
          {item("name", t("form.name"), <Input maxLength={80} autoComplete="off" />)}
          <Col xs={24} md={12}>
            <Form.Item
              name="pricePerSeatYear"
              label={t("form.price")}
              extra={t("form.priceHelp")}
              rules={[
                required,
                {
                  validator: async (_, text: string) => {
                    if (!text) return;
                    const fen = parseYuanToFen(text);
                    if (fen === null) throw new Error(t("form.priceInvalid"));
                    if (fen < 1 || fen > MAX_PRICE_FEN) throw new Error(t("form.priceRange"));
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" autoComplete="off" />
            </Form.Item>
          </Col>
          {item("mailboxQuotaMb", t("form.quota"), <SizeInput defaultUnit="GB" />)}
          {item("mailboxMessageLimit", t("form.messageLimit"), count(t("form.messagesUnit")), t("form.messageLimitHelp"), false)}
          {item("attachmentLimitMb", t("form.attachment"), <SizeInput />)}
          {item("largeAttachmentLimitMb", t("form.large"), <SizeInput defaultUnit="GB" />)}
          {item("aliasesPerMailbox", t("form.aliases"), count())}
          {item("domainsPerTenant", t("form.domains"), count())}
          {item("dailySendLimit", t("form.daily"), count(t("form.perDay")))}
        </Row>
      </Form>
    </Modal>
  );
}
