"use client";

import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { App, Form } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";

/** Refreshes every mailboxes and departments query (tree counts, table, seats, aliases) after a change. */
export function useMailboxesRefresh(): () => void {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tenants.mailboxes.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tenants.departments.pathKey() });
  };
}

/** A refused call as a sentence: session and permission problems translated, else the server's reason. */
export function useMailboxesError(): (error: unknown) => string {
  const t = useTranslations("mailboxes");
  return (error) => {
    const shown = shownError(error);
    return shown ? readableMessage(shown, t) : String(error);
  };
}

/** A mutation's error as a toast (for buttons and confirms with no form). */
export function useErrorToast(): (error: unknown) => void {
  const { message } = App.useApp();
  const text = useMailboxesError();
  return (error) => void message.error(text(error));
}

/**
 * What every mailboxes form needs around its mutation: the antd form, server refusals under their
 * fields, the rest kept in `formError` by the caller, and a refresh after a change.
 */
export function useMailboxesForm<T>() {
  const [form] = Form.useForm<T>();
  const showErrors = useTrpcFormErrors(form);
  const { message } = App.useApp();
  const refresh = useMailboxesRefresh();
  const text = useMailboxesError();
  /** Places field errors; returns the sentence that belongs to no field, or null. */
  const placeErrors = (error: unknown): string | null => {
    const rest = showErrors(error);
    return rest === null ? null : text(error);
  };
  return { form, message, refresh, placeErrors };
}

/**
 * A red "delete" confirmation: on OK runs `run`, then shows `done` and refreshes. A refusal
 * (e.g. a department that is not empty) is shown by the mutation's own onError.
 */
export function useConfirmDelete(): (opts: { title: string; run: () => Promise<unknown>; done: string; after?: () => void }) => void {
  const t = useTranslations("mailboxes");
  const { modal, message } = App.useApp();
  const refresh = useMailboxesRefresh();
  return ({ title, run, done, after }) =>
    void modal.confirm({
      title,
      okText: t("table.delete"),
      okButtonProps: { danger: true },
      cancelText: t("form.cancel"),
      onOk: () =>
        run().then(() => {
          message.success(done);
          after?.();
          refresh();
        }),
    });
}
