"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTRPC } from "@/app/_trpc/client";

const POLL_MS = 3_000;

/**
 * After Stripe Checkout the customer lands on ?paid=<reference>. The payment itself arrives by
 * webhook, perhaps a little later: until the order shows paid, say so and look again every few
 * seconds; then refresh the whole page's billing. A reference that is not one of the tenant's
 * orders shows nothing.
 */
export function PaidNotice({ reference }: { reference: string }) {
  const t = useTranslations("billing.paid");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const orders = useQuery({
    ...trpc.billing.account.orders.queryOptions(),
    refetchInterval: (q) => (q.state.data?.find((o) => o.reference === reference)?.status === "pending" ? POLL_MS : false),
  });
  const status = orders.data?.find((o) => o.reference === reference)?.status;
  useEffect(() => {
    if (status === "paid") void queryClient.invalidateQueries({ queryKey: trpc.billing.account.overview.queryKey() });
  }, [status, queryClient, trpc]);
  if (status !== "paid" && status !== "pending") return null;
  return <Alert type={status === "paid" ? "success" : "info"} showIcon closable title={t(status === "paid" ? "done" : "waiting", { reference })} />;
}
