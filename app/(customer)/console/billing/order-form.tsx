"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Radio, Typography } from "antd";
import { ShoppingCartOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useActingTenant } from "@/app/_components/acting-tenant";
import { OnAccountQuote } from "@/app/(reseller)/reseller/account/on-account-quote";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import { OrderPrice } from "./order-price";
import { PlanCards } from "./plan-cards";
import { SeatPicker, useSeatsField } from "./seat-picker";
import { useSubmissionKey } from "./use-submission-key";
import { useCardCheckout } from "./use-card-checkout";

type OrderValues = {
  planId?: string;
  seats: number | null;
  termYears: number;
  startRule: "on_payment" | "on_mx_verified";
  method: "bank_transfer" | "stripe" | "reseller_account";
};

const TERMS = [1, 2, 3, 4, 5];

/** The first order: plan, seats, whole years, when billing starts, how to pay, and the price. */
export function OrderForm({ overview, plans }: { overview: BillingOverview; plans: readonly CatalogueRow[] }) {
  const t = useTranslations("billing.order");
  const tSeats = useTranslations("billing.seats");
  const tReseller = useTranslations("resellerAccount.quote");
  // A reseller acting for its client may pay from its own account with the platform (at wholesale).
  const acting = useActingTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderValues>();
  const showErrors = useTrpcFormErrors(form);
  const submission = useSubmissionKey();
  const payByCard = useCardCheckout();
  const [formError, setFormError] = useState<string | null>(null);
  const values = Form.useWatch([], form) as OrderValues | undefined;
  const plan = plans.find((p) => p.id === values?.planId);
  const seatsField = useSeatsField(form, values?.seats, tSeats("help"));
  const problem = seatsField.problem;

  const create = useMutation(
    trpc.billing.account.createOrder.mutationOptions({
      onSuccess: (order) => {
        submission.done();
        message.success(t(order.status === "paid" ? "paidOnAccount" : "created", { reference: order.reference }));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
        if (acting) void queryClient.invalidateQueries({ queryKey: trpc.resellers.account.pathKey() });
        if (order.method === "stripe") payByCard.mutate({ orderId: order.id });
      },
      onError: (error) => setFormError(showErrors(error)),
    }),
  );

  function submit(v: OrderValues) {
    setFormError(null);
    const input = { planId: v.planId ?? "", seats: v.seats ?? 0, termYears: v.termYears, startRule: v.startRule, method: v.method };
    create.mutate({ ...input, idempotencyKey: submission.keyFor(input) });
  }

  return (
    <Card title={t("title")}>
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      <Form<OrderValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ planId: plans[0]?.id, seats: 100, termYears: 1, startRule: "on_payment", method: acting ? "reseller_account" : "bank_transfer" }}
        aria-label={t("title")}
      >
        <Form.Item name="planId" label={t("plan")} rules={[{ required: true, message: t("planRequired") }]}>
          <PlanCards plans={plans} />
        </Form.Item>
        <Form.Item label={tSeats("label")} {...seatsField.itemProps}>
          <SeatPicker />
        </Form.Item>
        <Form.Item name="termYears" label={t("term")}>
          <Radio.Group optionType="button" buttonStyle="solid" options={TERMS.map((years) => ({ value: years, label: t("years", { years }) }))} />
        </Form.Item>
        <Form.Item name="startRule" label={t("startRule")}>
          <Radio.Group>
            <Flex vertical gap={8}>
              <Radio value="on_payment">
                {t("onPayment")}
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t("onPaymentHelp")}</Typography.Paragraph>
              </Radio>
              <Radio value="on_mx_verified">
                {t("onMx")}
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t("onMxHelp")}</Typography.Paragraph>
              </Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="method" label={t("method")}>
          <Radio.Group>
            <Radio value="bank_transfer">{t("bankTransfer")}</Radio>
            {overview.stripeEnabled && <Radio value="stripe">{t("card")}</Radio>}
            {acting && <Radio value="reseller_account">{tReseller("payFromAccount")}</Radio>}
          </Radio.Group>
        </Form.Item>
        {acting && values?.method === "reseller_account" && plan && values.seats && !problem && values.termYears && (
          <div style={{ maxWidth: 640 }}>
            <OnAccountQuote asked={{ tenantId: acting.tenantId, planId: plan.id, seats: values.seats, termYears: values.termYears }} />
          </div>
        )}
        {plan && values?.seats && !problem && values.termYears && (
          <div style={{ marginBottom: 24, maxWidth: 640 }}>
            <OrderPrice plan={plan} seats={values.seats} years={values.termYears} startRule={values.startRule} timeZone={overview.tenant.timeZone} />
          </div>
        )}
        {formError && <Alert type="error" showIcon title={t("failed")} description={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" icon={<ShoppingCartOutlined />} loading={create.isPending || payByCard.isPending} disabled={!plans.length}>
          {t("submit")}
        </Button>
      </Form>
    </Card>
  );
}
