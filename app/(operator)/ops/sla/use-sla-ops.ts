"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useBillingForm } from "../billing/use-billing-form";

/**
 * The billing page's form plumbing (server field errors under their fields, the rest as a
 * message), plus a refresh of every SLA list: a decision or a close moves the months table and
 * the credit queue alike, and an approved credit moves the tenant's balance.
 */
export function useSlaOpsForm<Values>() {
  const billing = useBillingForm<Values>();
  const queryClient = useQueryClient();
  return {
    ...billing,
    refreshSla: () => {
      void queryClient.invalidateQueries({ queryKey: billing.trpc.sla.pathKey() });
      billing.refreshBilling();
    },
  };
}
