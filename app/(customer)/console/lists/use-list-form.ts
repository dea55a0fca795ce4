"use client";

import { useQueryClient } from "@tanstack/react-query";
import { App, Form } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";

/** Refreshes every lists query (table, detail, candidates) after a change. */
export function useListsRefresh(): () => void {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.tenants.lists.pathKey() });
}

/**
 * What every lists form needs around its mutation: the antd form, server refusals under their
 * fields (the rest as a message), and a refresh of every lists query after a change.
 */
export function useListForm<T>() {
  const [form] = Form.useForm<T>();
  const showErrors = useTrpcFormErrors(form);
  const { message } = App.useApp();
  const refresh = useListsRefresh();
  return {
    form,
    message,
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
    refresh,
  };
}
