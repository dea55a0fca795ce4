"use client";

import { useTranslations } from "next-intl";
import { refusalText } from "@/app/_components/audit/trpc-error";

/** A refused call as a sentence: session and permission problems translated, else the server's reason (in the caller's language). */
export function useImportError(): (error: unknown) => string {
  return refusalText(useTranslations("imports"));
}
