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
import zhMailboxes from "./messages/zh-CN/mailboxes.json";
import enMailboxes from "./messages/en/mailboxes.json";
import zhLists from "./messages/zh-CN/lists.json";
import enLists from "./messages/en/lists.json";
import zhImports from "./messages/zh-CN/imports.json";
import enImports from "./messages/en/imports.json";
import zhWelcome from "./messages/zh-CN/welcome.json";
import enWelcome from "./messages/en/welcome.json";
import zhConsoleHome from "./messages/zh-CN/consoleHome.json";
import enConsoleHome from "./messages/en/consoleHome.json";
import zhMailLog from "./messages/zh-CN/mailLog.json";
import enMailLog from "./messages/en/mailLog.json";
import zhQuarantine from "./messages/zh-CN/quarantine.json";
import enQuarantine from "./messages/en/quarantine.json";
import zhSpamPolicy from "./messages/zh-CN/spamPolicy.json";
import enSpamPolicy from "./messages/en/spamPolicy.json";
import zhOpsAlerts from "./messages/zh-CN/opsAlerts.json";
import enOpsAlerts from "./messages/en/opsAlerts.json";
import zhStatusPage from "./messages/zh-CN/statusPage.json";
import enStatusPage from "./messages/en/statusPage.json";
import zhSla from "./messages/zh-CN/sla.json";
import enSla from "./messages/en/sla.json";
import zhOpsSla from "./messages/zh-CN/opsSla.json";
import enOpsSla from "./messages/en/opsSla.json";
import zhResellersOps from "./messages/zh-CN/resellersOps.json";
import enResellersOps from "./messages/en/resellersOps.json";
import zhResellerProfile from "./messages/zh-CN/resellerProfile.json";
import enResellerProfile from "./messages/en/resellerProfile.json";
import zhInvite from "./messages/zh-CN/invite.json";
import enInvite from "./messages/en/invite.json";
import zhResellerAccount from "./messages/zh-CN/resellerAccount.json";
import enResellerAccount from "./messages/en/resellerAccount.json";
import zhAnnouncements from "./messages/zh-CN/announcements.json";
import enAnnouncements from "./messages/en/announcements.json";
import zhResellerClients from "./messages/zh-CN/resellerClients.json";
import enResellerClients from "./messages/en/resellerClients.json";
import zhActingClient from "./messages/zh-CN/actingClient.json";
import enActingClient from "./messages/en/actingClient.json";
import zhSecurityPolicy from "./messages/zh-CN/securityPolicy.json";
import enSecurityPolicy from "./messages/en/securityPolicy.json";
import zhPasswords from "./messages/zh-CN/passwords.json";
import enPasswords from "./messages/en/passwords.json";
import zhAccountSecurity from "./messages/zh-CN/accountSecurity.json";
import enAccountSecurity from "./messages/en/accountSecurity.json";
import zhLoginLog from "./messages/zh-CN/loginLog.json";
import enLoginLog from "./messages/en/loginLog.json";
import zhBackups from "./messages/zh-CN/backups.json";
import enBackups from "./messages/en/backups.json";
import zhMonitoring from "./messages/zh-CN/monitoring.json";
import enMonitoring from "./messages/en/monitoring.json";
import zhApiKeys from "./messages/zh-CN/apiKeys.json";
import enApiKeys from "./messages/en/apiKeys.json";

// One JSON file per namespace and language; a test checks both languages have the same keys.
export const MESSAGES = {
  "zh-CN": { ...zhCommon, ...zhAudit, ...zhBilling, ...zhOpsBilling, ...zhPlans, ...zhDomainChecks, ...zhDomains, ...zhMailboxes, ...zhLists, ...zhImports, ...zhWelcome, ...zhConsoleHome, ...zhMailLog, ...zhQuarantine, ...zhSpamPolicy, ...zhOpsAlerts, ...zhStatusPage, ...zhSla, ...zhOpsSla, ...zhResellersOps, ...zhResellerProfile, ...zhInvite, ...zhResellerAccount, ...zhAnnouncements, ...zhResellerClients, ...zhActingClient, ...zhSecurityPolicy, ...zhPasswords, ...zhAccountSecurity, ...zhLoginLog, ...zhBackups, ...zhMonitoring, ...zhApiKeys },
  en: { ...enCommon, ...enAudit, ...enBilling, ...enOpsBilling, ...enPlans, ...enDomainChecks, ...enDomains, ...enMailboxes, ...enLists, ...enImports, ...enWelcome, ...enConsoleHome, ...enMailLog, ...enQuarantine, ...enSpamPolicy, ...enOpsAlerts, ...enStatusPage, ...enSla, ...enOpsSla, ...enResellersOps, ...enResellerProfile, ...enInvite, ...enResellerAccount, ...enAnnouncements, ...enResellerClients, ...enActingClient, ...enSecurityPolicy, ...enPasswords, ...enAccountSecurity, ...enLoginLog, ...enBackups, ...enMonitoring, ...enApiKeys },
} as const;

export function loadMessages(locale: Locale) {
  return MESSAGES[locale];
}
