"use client";

import { useQueryClient } from "@tanstack/react-query";
import { App, Form } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";

/**
 * What every form on the billing page needs around its mutation: the form, server field errors
 * shown under their fields (the rest as a message), and a refresh of every billing list, since a
 * payment, an adjustment, a lifecycle step or a run each moves balances and the overdue list.
 */
export function useBillingForm<Values>() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useTrpcFormErrors(form);
  return {
    trpc,
    form,
    message,
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
    refreshBilling: () => void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
  };
}
