import type { Locale } from "@/server/shared/locale";
import zhCommon from "./messages/zh-CN/common.json";
import enCommon from "./messages/en/common.json";
import zhAudit from "./messages/zh-CN/audit.json";
import enAudit from "./messages/en/audit.json";
import zhBilling from "./messages/zh-CN/billing.json";
import enBilling from "./messages/en/billing.json";
import zhOpsBilling from "./messages/zh-CN/opsBilling.json";
import enOpsBilling from "./messages/en/opsBilling.json";
import zhPlans from "./messages/zh-CN/plans.json";
import enPlans from "./messages/en/plans.json";
import zhDomainChecks from "./messages/zh-CN/domainChecks.json";
import enDomainChecks from "./messages/en/domainChecks.json";
import zhDomains from "./messages/zh-CN/domains.json";
import enDomains from "./messages/en/domains.json";

// One JSON file per namespace and language; a test checks both languages have the same keys.
export const MESSAGES = {
  "zh-CN": { ...zhCommon, ...zhAudit, ...zhBilling, ...zhOpsBilling, ...zhPlans, ...zhDomainChecks, ...zhDomains },
  en: { ...enCommon, ...enAudit, ...enBilling, ...enOpsBilling, ...enPlans, ...enDomainChecks, ...enDomains },
} as const;

export function loadMessages(locale: Locale) {
  return MESSAGES[locale];
}
