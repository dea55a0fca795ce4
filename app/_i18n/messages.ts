import type { Locale } from "@/server/shared/locale";
import zhCommon from "./messages/zh-CN/common.json";
import enCommon from "./messages/en/common.json";
import zhAudit from "./messages/zh-CN/audit.json";
import enAudit from "./messages/en/audit.json";

// One JSON file per namespace and language; a test checks both languages have the same keys.
export const MESSAGES = {
  "zh-CN": { ...zhCommon, ...zhAudit },
  en: { ...enCommon, ...enAudit },
} as const;

export function loadMessages(locale: Locale) {
  return MESSAGES[locale];
}
