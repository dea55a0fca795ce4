// What a configuration backup holds (seed 002 §7: all user information and mailbox/domain
// configuration, kept a week; messages themselves are not backed up), plus billing and SLA
// records (issue 12). Every table of the schema is in exactly one of the two lists:
// backup-tables.int.test.ts fails when a new model is in neither.

/**
 * Included tables, parents before children, so a restore inserting in this order never meets a
 * missing parent row even with foreign-key checks on.
 */
export const INCLUDED_TABLES = [
  // Accounts and organisation
  "Plan",
  "PlanPrice",
  "SlaTarget",
  "Reseller",
  "ResellerPrice",
  "Tenant",
  "User",
  "SecurityPolicy",
  "IpRule",
  "LockoutAllowEntry",
  "PasswordHistory",
  "RecoveryCode",
  // The provisioning API's keys, and its idempotency records: kept with the writes they answered
  // (same snapshot), so a billing system's retry after a restore still gets the first answer.
  "ApiKey",
  "ApiIdempotencyRecord",
  // Domains and mailboxes
  "Domain",
  "DkimKey",
  "Department",
  "Mailbox",
  "MailingList",
  "MailAddress",
  "MailingListEntry",
  "WelcomeTemplate",
  "SpamPolicy",
  // Billing
  "Subscription",
  "ResizeChange",
  "Order",
  "LedgerEntry",
  "ResellerLedgerEntry",
  "StripeEvent",
  "BillingRun",
  "BillingReminder",
  // SLA evidence and its inputs (the raw samples are not: see below)
  "SampleDigest",
  "ProbeRollup",
  "LatencyRollup",
  "MaintenanceWindow",
  "Announcement",
  "AnnouncementTarget",
  "AnnouncementRead",
  "Incident",
  "SlaMonth",
  "SlaBreach",
  "SlaCredit",
  "SlaCloseRun",
] as const;

/** Excluded tables, each with why. */
export const EXCLUDED_TABLES: Record<string, string> = {
  MailMessage: "message metadata: seed 002 §7 says messages are not backed up",
  StoredMessage: "a mailbox's copies of messages: not backed up (seed 002 §7)",
  UnsyncedMessage: "the spool's fsync bookkeeping of message files",
  OutboxItem: "outbound messages in flight; their bodies are spool files not in the backup",
  DeliveryAttempt: "the delivery log of those messages",
  QuarantineItem: "held messages (bodies on disk, expire after 30 days)",
  MessageEvent: "the mail log: high-volume history, purged after MAIL_LOG_RETENTION_DAYS",
  OutboundSpamHit: "the abuse limit's one-hour window of spam scores",
  SendCount: "daily send counters: a rate limit, meaningless after a day",
  OperatorAlert: "operational notices about the running system, not configuration",
  ProbeSample: "raw probe samples: high-volume; the SLA keeps their roll-ups and sealed digests",
  AuditEvent: "the operation log: an append-only history, exported on its own (audit export), not configuration",
  LoginEvent: "the login log: history of sign-ins, not configuration",
  AuthSession: "signed-in browsers: sessions should not survive a restore",
  AccountToken: "single-use invitation and reset links that expire within hours",
  AccountLock: "lockouts in force: short-lived security state",
  KnownNetwork: "networks seen at sign-in; rebuilt as people sign in (the first sign-in is flagged new)",
  AuditExport: "export jobs whose CSV files live under DATA_DIR, not in the database",
  MailboxImport: "CSV import jobs whose files live under DATA_DIR",
  SandboxRecord: "the local DNS sandbox's zone data, a development aid re-created by the domain wizard",
  NamedLock: "rows that only serialise transactions",
  BackupRun: "the record of backups of this database; restored elsewhere it would describe files that are not there",
  _prisma_migrations: "the migration bookkeeping: the header names the last migration and restore migrates the target itself",
};

export type IncludedTable = (typeof INCLUDED_TABLES)[number];

/** Tables in the database that neither list names (a new model nobody classified). */
export function unclassifiedTables(tablesInDatabase: string[]): string[] {
  const known = new Set<string>([...INCLUDED_TABLES, ...Object.keys(EXCLUDED_TABLES)]);
  return tablesInDatabase.filter((t) => !known.has(t)).sort();
}
