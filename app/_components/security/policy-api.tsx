"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useTranslations } from "next-intl";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";

/**
 * Whose settings a security card shows: the tenant admin's own tenant, the platform's (operators),
 * or a tenant an operator picked (policy read-only; IP rules editable).
 */
export type PolicySource = { kind: "tenant" } | { kind: "ops" } | { kind: "opsTenant"; tenantId: string };

/** The security.policy procedures of a source, so the console and operator pages share every card. */
export function usePolicyApi() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useTranslations("securityPolicy");
  const p = client.security.policy;
  return {
    trpc,
    client: p,
    message,
    refusal: refusalText(t),
    /** Every security.policy query: a change to a rule moves the preview, a default moves the list's header. */
    refresh: () => queryClient.invalidateQueries({ queryKey: trpc.security.policy.pathKey() }),
  };
}

/** A write of a security card: says it worked and refreshes, or shows the refusal (`onError` overrides). */
export function usePolicyMutation<I, O>(fn: (input: I) => Promise<O>, options: { done?: string; onError?: (e: unknown) => void; onSuccess?: (o: O) => void } = {}) {
  const api = usePolicyApi();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      if (options.done) api.message.success(options.done);
      options.onSuccess?.(o);
      void api.refresh();
    },
    onError: options.onError ?? ((e) => void api.message.error(api.refusal(e))),
  });
}
