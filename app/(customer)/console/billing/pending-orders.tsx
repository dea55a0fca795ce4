"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Flex, Popconfirm, Typography } from "antd";
import { CreditCardOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import type { OrderView } from "@/server/billing/orders/order-view";
import { BankDetails } from "./bank-details";
import { useBillingFormat } from "./use-billing-format";
import { useErrorToast } from "./use-error-toast";
import { useCardCheckout } from "./use-card-checkout";

/** Enough of a plan to name it in an order (the catalogue, plus a withdrawn plan still subscribed to). */
export type PlanName = { id: string; name: string };

/** What an order buys, in words: "标准版：100 个席位 × 1 年" or "续费". */
export function useOrderDescription(plans: readonly PlanName[]) {
  const t = useTranslations("billing.pending");
  return (o: OrderView) =>
    o.kind === "top_up"
      ? t("topUp")
      : t("subscription", { plan: plans.find((p) => p.id === o.planId)?.name ?? o.planId ?? "", seats: o.seats ?? 0, years: o.termYears ?? 1 });
}

function PendingOrder({ order, plans, stripeEnabled }: { order: OrderView; plans: readonly PlanName[]; stripeEnabled: boolean }) {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const { money, dateTime: time } = useBillingFormat();
  const describe = useOrderDescription(plans);
  const payByCard = useCardCheckout();
  const cancel = useMutation(
    trpc.billing.account.cancelOrder.mutationOptions({
      onSuccess: (o) => {
        message.success(t("pending.cancelled", { reference: o.reference }));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
      onError: (error) => showError(error),
    }),
  );
  const bank = order.bank;

  return (
    <Card
      title={t("pending.title", { reference: order.reference })}
      aria-label={t("pending.title", { reference: order.reference })}
      extra={
        <Flex gap={8} wrap>
          {stripeEnabled && (
            <Button type="primary" icon={<CreditCardOutlined />} loading={payByCard.isPending} onClick={() => payByCard.mutate({ orderId: order.id })}>
              {t("pending.payByCard")}
            </Button>
          )}
          <Popconfirm
            title={t("pending.cancelConfirm", { reference: order.reference })}
            okText={t("pending.cancel")}
            okButtonProps={{ danger: true }}
            cancelText={t("pending.keep")}
            onConfirm={() => cancel.mutate({ orderId: order.id })}
          >
            <Button danger loading={cancel.isPending}>
              {t("pending.cancel")}
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Flex gap={32} wrap>
        <Descriptions
          column={1}
          size="small"
          style={{ flex: "1 1 320px" }}
          items={[
            {
              key: "reference",
              label: t("pending.reference"),
              children: (
                <Flex vertical>
                  <Typography.Text copyable strong code data-testid="order-reference" style={{ fontSize: 16 }}>
                    {order.reference}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t("pending.referenceHelp")}</Typography.Text>
                </Flex>
              ),
            },
            { key: "amount", label: t("pending.amount"), children: <Typography.Text strong>{money(order.amount, order.currency)}</Typography.Text> },
            { key: "what", label: t("pending.what"), children: describe(order) },
            { key: "at", label: t("pending.createdAt"), children: time(order.createdAt) },
          ]}
        />
        {bank ? <BankDetails bank={bank} /> : <Typography.Text type="secondary">{t("pending.cardNote")}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** Orders waiting for money: the reference to write on the transfer, the amount and where to send it. */
export function PendingOrders({ orders, plans, stripeEnabled }: { orders: OrderView[]; plans: readonly PlanName[]; stripeEnabled: boolean }) {
  return (
    <Flex vertical gap={16}>
      {orders.map((o) => (
        <PendingOrder key={o.id} order={o} plans={plans} stripeEnabled={stripeEnabled} />
      ))}
    </Flex>
  );
}
