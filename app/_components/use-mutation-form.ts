"use client";

import { useState } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { App, Form } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";

/**
 * What a form around one tRPC mutation needs: the form, one request id per mounting (a modal's
 * opening, so a double click or a retry does the write once), a refresh of the lists it changes,
 * and the server's field errors shown under their fields. The error no field owns goes either to
 * a message (`onError`) or to an Alert above the form (`whole`, with `wholeError`'s callbacks).
 */
export function useMutationForm<V>() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const showErrors = useTrpcFormErrors(form);
  const [requestId] = useState(newRequestId);
  const [whole, setWhole] = useState<string | null>(null);
  return {
    trpc,
    form,
    message,
    requestId,
    invalidate: (queryKey: QueryKey) => void queryClient.invalidateQueries({ queryKey }),
    /** Says it worked and refreshes what the write changed. */
    succeeded: (text: string, queryKey: QueryKey) => {
      message.success(text);
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
    whole,
    wholeError: { onMutate: () => setWhole(null), onError: (error: unknown) => setWhole(showErrors(error)) },
  };
}
