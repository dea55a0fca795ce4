"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Col, Flex, Row, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { HistoryTabs } from "./history-tabs";
import { OrderForm } from "./order-form";
import { PaidNotice } from "./paid-notice";
import { PendingOrders } from "./pending-orders";
import { ResizePanel } from "./resize-panel";
import { StatusSection } from "./status-section";
import { TopUpPanel } from "./top-up-panel";

/**
 * The customer's billing page. What it offers follows the subscription: no plan → the order
 * form; an unpaid order → how to pay it; an active plan → change it and top up. `paidReference`
 * is the order Stripe just took a card payment for (see PaidNotice).
 */
export function BillingPage({ paidReference }: { paidReference: string | null }) {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const overview = useQuery({ ...trpc.billing.account.overview.queryOptions(), staleTime: 0 });
  const catalogue = useQuery(trpc.billing.plans.catalogue.queryOptions(undefined, { staleTime: 60_000 }));
  const error = shownError(overview.error ?? catalogue.error);
  const data = overview.data;
  const plans = catalogue.data ?? [];
  const sub = data?.subscription ?? null;
  const scrollToTopUp = () => document.getElementById("top-up")?.scrollIntoView({ behavior: "smooth", block: "start" });

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      {paidReference && <PaidNotice reference={paidReference} />}
      {error && <Alert type="error" showIcon title={t("loadFailed")} description={readableMessage(error, t)} />}
      {!data && !error && <Skeleton active />}
      {data && (
        <>
          <StatusSection overview={data} catalogue={plans} onTopUp={scrollToTopUp} />
          {data.pendingOrders.length > 0 && (
            <PendingOrders
              orders={data.pendingOrders}
              plans={sub ? [...plans, sub.plan] : plans}
              stripeEnabled={data.stripeEnabled}
            />
          )}
          {!sub && catalogue.data && <OrderForm overview={data} plans={plans} />}
          {sub?.status === "active" && (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <ResizePanel overview={data} plans={plans} />
              </Col>
              <Col xs={24} xl={10}>
                <TopUpPanel overview={data} />
              </Col>
            </Row>
          )}
          <HistoryTabs plans={sub ? [...plans, sub.plan] : plans} />
        </>
      )}
    </Flex>
  );
}
