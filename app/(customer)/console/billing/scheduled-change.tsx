"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Popconfirm } from "antd";
import { CalendarOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import { useBillingFormat } from "./use-billing-format";
import { useErrorToast } from "./use-error-toast";

type Scheduled = NonNullable<BillingOverview["scheduledChange"]>;

/** The change waiting for its 1st, with "Cancel change" until then. */
export function ScheduledChange({ change, currency }: { change: Scheduled; currency: string }) {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const { money, day } = useBillingFormat();
  const date = day(`${change.effectiveMonth}-01`);
  const cancel = useMutation(
    trpc.billing.account.cancelResize.mutationOptions({
      onSuccess: () => {
        message.success(t("resize.cancelled"));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
      onError: (error) => showError(error),
    }),
  );
  return (
    <Alert
      type="info"
      showIcon
      icon={<CalendarOutlined />}
      title={t("resize.scheduledTitle")}
      description={t("resize.scheduledBody", { date, plan: change.toPlanName, seats: change.toSeats, price: money(change.pricePerSeatYear, currency) })}
      action={
        <Popconfirm
          title={t("resize.cancelConfirm", { date })}
          okText={t("resize.cancel")}
          cancelText={t("resize.keep")}
          onConfirm={() => cancel.mutate({ resizeId: change.id })}
        >
          <Button loading={cancel.isPending}>{t("resize.cancel")}</Button>
        </Popconfirm>
      }
    />
  );
}
