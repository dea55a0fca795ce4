"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useActingTenant } from "@/app/_components/acting-tenant";
import { OnAccountQuote } from "@/app/(reseller)/reseller/account/on-account-quote";
import { parseYuanToFen } from "@/app/_components/money";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import type { TopUpPreview } from "@/server/billing/account/preview-top-up";
import { useBillingFormat } from "./use-billing-format";
import { useCardCheckout } from "./use-card-checkout";
import { useDebounced } from "./use-debounced";
import { useSubmissionKey } from "./use-submission-key";

type TopUpValues = { amount: string; method: "bank_transfer" | "stripe" | "reseller_account" };

/** Where a top-up would carry the service: "your balance of ¥X would pay through 2027-11-30". */
function TopUpReach({ preview, currency }: { preview: TopUpPreview; currency: string }) {
  const t = useTranslations("billing.topUp");
  const { money, day, month } = useBillingFormat();
  const after = preview.after;
  const balance = money(preview.balanceAfter, currency);
  if (!after) return null;
  const text = after.capped
    ? t("reachesCapped", { balance })
    : after.paidThroughDay
      ? t("reaches", { balance, date: day(after.paidThroughDay) })
      : t("notEnough", { balance, month: month(after.runsOutMonth ?? "") });
  return <Alert type={after.paidThroughDay || after.capped ? "success" : "warning"} showIcon title={text} data-testid="top-up-reach" />;
}

/** 续费: an amount in yuan (at least one month's fee), what it pays through, then an order to pay. */
export function TopUpPanel({ overview }: { overview: BillingOverview }) {
  const t = useTranslations("billing.topUp");
  const tOrder = useTranslations("billing.order");
  const tReseller = useTranslations("resellerAccount.quote");
  // A reseller acting for its client may pay the top-up from its own account (at wholesale).
  const acting = useActingTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { money } = useBillingFormat();
  const [form] = Form.useForm<TopUpValues>();
  const showErrors = useTrpcFormErrors(form);
  const submission = useSubmissionKey();
  const payByCard = useCardCheckout();
  const [formError, setFormError] = useState<string | null>(null);
  const amount = parseYuanToFen(Form.useWatch("amount", form) ?? "");
  const method = Form.useWatch("method", form);
  const asked = useDebounced(amount);
  const preview = useQuery({
    ...trpc.billing.account.previewTopUp.queryOptions({ amount: asked ?? 0 }),
    enabled: asked !== null && asked > 0 && asked === amount,
    retry: false,
  });
  const create = useMutation(
    trpc.billing.account.createTopUp.mutationOptions({
      onSuccess: (order) => {
        submission.done();
        form.resetFields();
        message.success(t(order.status === "paid" ? "paidOnAccount" : "created", { reference: order.reference }));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
        if (acting) void queryClient.invalidateQueries({ queryKey: trpc.resellers.account.pathKey() });
        if (order.method === "stripe") payByCard.mutate({ orderId: order.id });
      },
      onError: (error) => setFormError(showErrors(error)),
    }),
  );

  function submit(v: TopUpValues) {
    setFormError(null);
    const input = { amount: parseYuanToFen(v.amount) ?? 0, method: v.method };
    create.mutate({ ...input, idempotencyKey: submission.keyFor(input) });
  }

  const minimum = overview.nextMonthFee;
  return (
    <Card title={t("title")} id="top-up" style={{ height: "100%" }}>
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      <Form<TopUpValues> form={form} layout="vertical" onFinish={submit} initialValues={{ method: acting ? "reseller_account" : "bank_transfer" }} aria-label={t("title")}>
        <Form.Item
          name="amount"
          label={t("amount")}
          extra={minimum !== null ? t("minimum", { fee: money(minimum, overview.currency) }) : undefined}
          rules={[
            { required: true, message: t("amountRequired") },
            { validator: (_, v: string) => (!v || parseYuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(t("amountInvalid")))) },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" maxLength={20} style={{ maxWidth: 240 }} autoComplete="off" />
        </Form.Item>
        {(overview.stripeEnabled || acting) && (
          <Form.Item name="method" label={tOrder("method")}>
            <Radio.Group>
              <Radio value="bank_transfer">{tOrder("bankTransfer")}</Radio>
              {overview.stripeEnabled && <Radio value="stripe">{tOrder("card")}</Radio>}
              {acting && <Radio value="reseller_account">{tReseller("payFromAccount")}</Radio>}
            </Radio.Group>
          </Form.Item>
        )}
        <Flex vertical gap={12}>
          {preview.data && amount === asked && <TopUpReach preview={preview.data} currency={overview.currency} />}
          {acting && method === "reseller_account" && asked !== null && asked > 0 && asked === amount && (
            <OnAccountQuote asked={{ tenantId: acting.tenantId, amount: asked }} />
          )}
          {formError && <Alert type="error" showIcon title={t("failed")} description={formError} />}
          <div>
            <Button type="primary" htmlType="submit" loading={create.isPending || payByCard.isPending}>
              {t("submit")}
            </Button>
          </div>
        </Flex>
      </Form>
    </Card>
  );
}
