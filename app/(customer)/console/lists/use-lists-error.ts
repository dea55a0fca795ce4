"use client";

import { useTranslations } from "next-intl";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";

/** A refused call as a sentence: session and permission problems translated, else the server's reason. */
export function useListsError(): (error: unknown) => string {
  const t = useTranslations("lists");
  return (error) => {
    const shown = shownError(error);
    return shown ? readableMessage(shown, t) : String(error);
  };
}
