"use client";

import { useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf } from "@/app/_components/use-trpc-form-errors";
import { useBillingForm } from "../billing/use-billing-form";

/**
 * The same refusal with its field errors moved onto the form's fields: a window's `startsAt`
 * and `endsAt` are both one range picker. Fields not named keep their names.
 */
export function onFormFields(error: unknown, fieldOf: Readonly<Record<string, string>>): unknown {
  const fieldErrors = fieldErrorsOf(error);
  if (!fieldErrors) return error;
  const moved: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) (moved[fieldOf[path] ?? path] ??= []).push(...messages);
  return Object.assign(new Error(error instanceof Error ? error.message : String(error)), { data: { fieldErrors: moved } });
}

/**
 * The billing page's form plumbing (server field errors under their fields, the rest as a
 * message), plus a refresh of every SLA list: a decision or a close moves the months table and
 * the credit queue alike, and an approved credit moves the tenant's balance. `fieldOf` puts
 * server fields on differently named form fields (see onFormFields).
 */
export function useSlaOpsForm<Values>(fieldOf?: Readonly<Record<string, string>>) {
  const billing = useBillingForm<Values>();
  const queryClient = useQueryClient();
  const refreshSla = () => {
    void queryClient.invalidateQueries({ queryKey: billing.trpc.sla.pathKey() });
    billing.refreshBilling();
  };
  return {
    ...billing,
    onError: (error: unknown) => billing.onError(fieldOf ? onFormFields(error, fieldOf) : error),
    refreshSla,
    /** A dialog's write went through: say so, refresh the lists, close it. */
    succeeded: (text: string, close: () => void) => {
      billing.message.success(text);
      refreshSla();
      close();
    },
  };
}
