"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { useErrorToast } from "./use-error-toast";

/** Starts Stripe Checkout for an order and sends the browser to Stripe's payment page. */
export function useCardCheckout() {
  const t = useTranslations("billing.pending");
  const trpc = useTRPC();
  const showError = useErrorToast();
  return useMutation(
    trpc.billing.stripe.checkout.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => showError(error, t("cardFailed")),
    }),
  );
}
