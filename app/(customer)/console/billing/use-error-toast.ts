"use client";

import { useTranslations } from "next-intl";
import { App } from "antd";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";

/** For buttons without a form to hold the message: a refused action as a toast, `prefix: reason`. */
export function useErrorToast(): (error: unknown, prefix?: string) => void {
  const t = useTranslations("billing");
  const { message } = App.useApp();
  return (error, prefix) => {
    const shown = shownError(error);
    const reason = shown ? readableMessage(shown, t) : String(error);
    message.error(prefix ? `${prefix}: ${reason}` : reason);
  };
}
