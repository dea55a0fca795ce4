"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/server/domains/rules/check-types";

type LooseTranslate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/**
 * A check's problem as a sentence: its code is a key of the `domainChecks` messages, its params
 * their arguments. The codes come from the server at run time, so the keys cannot be typed here;
 * an unknown code (a newer server) shows as the code rather than failing.
 */
export function useProblemText(): (p: Problem) => string {
  const t = useTranslations("domainChecks") as unknown as LooseTranslate;
  return (p) => (t.has(p.code) ? t(p.code, p.params ?? {}) : p.code);
}
