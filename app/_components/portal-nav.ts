import type { SessionRole } from "@/server/auth/roles";

/** Keys of the `nav` message namespace that name a menu entry. */
export type NavLabel =
  | "home" | "auditLog" | "billing" | "plans" | "domains" | "mailboxes" | "mailingLists" | "mailLog" | "quarantine" | "imports" | "settings" | "alerts" | "sla"
  | "resellers" | "announcements" | "clientTenants" | "resellerAccount" | "subResellers" | "profile" | "loginLog" | "securitySettings" | "accountSecurity"
  | "monitoring" | "backups" | "apiKeys";
export type NavIcon =
  | "home" | "audit" | "billing" | "plans" | "domains" | "mailboxes" | "lists" | "mailLog" | "quarantine" | "imports" | "settings" | "alerts" | "sla"
  | "resellers" | "announcements" | "subResellers" | "profile" | "loginLog" | "security" | "accountSecurity"
  | "monitoring" | "backups" | "apiKeys";

export type NavItem = { href: string; label: NavLabel; icon: NavIcon };

/**
 * Each portal's menu. Later areas add their entries here (and a `nav.*` message in both
 * languages); the shell renders whatever the role's list holds.
 */
export const PORTAL_NAV: Record<SessionRole, NavItem[]> = {
  tenant_admin: [
    { href: "/console", label: "home", icon: "home" },
    { href: "/console/domains", label: "domains", icon: "domains" },
    { href: "/console/mailboxes", label: "mailboxes", icon: "mailboxes" },
    { href: "/console/lists", label: "mailingLists", icon: "lists" },
    { href: "/console/mail-log", label: "mailLog", icon: "mailLog" },
    { href: "/console/quarantine", label: "quarantine", icon: "quarantine" },
    { href: "/console/imports", label: "imports", icon: "imports" },
    { href: "/console/settings", label: "settings", icon: "settings" },
    { href: "/console/sla", label: "sla", icon: "sla" },
    { href: "/console/announcements", label: "announcements", icon: "announcements" },
    { href: "/console/billing", label: "billing", icon: "billing" },
    { href: "/console/audit", label: "auditLog", icon: "audit" },
    { href: "/console/login-log", label: "loginLog", icon: "loginLog" },
    { href: "/console/security", label: "securitySettings", icon: "security" },
    { href: "/console/me/security", label: "accountSecurity", icon: "accountSecurity" },
  ],
  // The reseller's home is its clients' dashboard; a client's own pages live under /reseller/clients/<id>.
  reseller: [
    { href: "/reseller", label: "clientTenants", icon: "home" },
    { href: "/reseller/account", label: "resellerAccount", icon: "billing" },
    { href: "/reseller/announcements", label: "announcements", icon: "announcements" },
    { href: "/reseller/sub-resellers", label: "subResellers", icon: "subResellers" },
    { href: "/reseller/profile", label: "profile", icon: "profile" },
    { href: "/reseller/api-keys", label: "apiKeys", icon: "apiKeys" },
    { href: "/reseller/me/security", label: "accountSecurity", icon: "accountSecurity" },
  ],
  // The mailbox user: the self-service page and their own quarantine.
  mailbox_user: [
    { href: "/mailbox", label: "home", icon: "home" },
    { href: "/mailbox/quarantine", label: "quarantine", icon: "quarantine" },
    { href: "/mailbox/security", label: "accountSecurity", icon: "accountSecurity" },
  ],
  operator: [
    { href: "/ops", label: "home", icon: "home" },
    { href: "/ops/resellers", label: "resellers", icon: "resellers" },
    { href: "/ops/domains", label: "domains", icon: "domains" },
    { href: "/ops/billing", label: "billing", icon: "billing" },
    { href: "/ops/plans", label: "plans", icon: "plans" },
    { href: "/ops/sla", label: "sla", icon: "sla" },
    { href: "/ops/announcements", label: "announcements", icon: "announcements" },
    { href: "/ops/alerts", label: "alerts", icon: "alerts" },
    { href: "/ops/monitoring", label: "monitoring", icon: "monitoring" },
    { href: "/ops/backups", label: "backups", icon: "backups" },
    { href: "/ops/api-keys", label: "apiKeys", icon: "apiKeys" },
    { href: "/ops/audit", label: "auditLog", icon: "audit" },
    { href: "/ops/login-log", label: "loginLog", icon: "loginLog" },
    { href: "/ops/security", label: "securitySettings", icon: "security" },
    { href: "/ops/me/security", label: "accountSecurity", icon: "accountSecurity" },
  ],
};

/** The menu entry to highlight: the longest href that is the path or a parent of it. */
export function selectedNavHref(pathname: string, items: readonly NavItem[]): string | undefined {
  let best: string | undefined;
  for (const { href } of items) {
    const matches = pathname === href || pathname.startsWith(href + "/");
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
