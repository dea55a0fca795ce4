// The contracts between the engine's parts (issue 7). The SMTP layer (smtp/) asks accept/ what
// to do with each command, hands the accepted message to store/, and POP3 (pop3/) reads the
// store. Outbound relay, DKIM and filtering ([Filtering]) plug in as hooks (hooks/).

export type Listener = "mx" | "submission";

/**
 * A refusal the engine answers with: 4xx = try later, 5xx = never (architecture convention 2).
 * `enhanced` is the RFC 3463 status code; `text` is English (SMTP replies are ASCII).
 */
export type SmtpRefusal = { code: number; enhanced: string; text: string };

/** A mailbox that authenticated (submission, POP3). */
export type MailAccount = {
  mailboxId: string;
  tenantId: string;
  /** The mailbox's own address (lower-case). */
  address: string;
  /** Every address the account may send as: its own and its aliases (lower-case). */
  sendAs: string[];
  /** The tenant's IANA zone: the daily send limit counts its calendar days. */
  timeZone: string;
  /** The plan's letters per day (seed 002: 1,000). */
  dailySendLimit: number;
};

/** One copy for one of the platform's mailboxes. */
export type LocalDelivery = {
  mailboxId: string;
  tenantId: string;
  /** The mailbox's own address. */
  address: string;
  /** The envelope recipient that led here (the address itself, an alias or a list). */
  rcpt: string;
  /** Set when a mailing list expanded to this mailbox. */
  listId?: string;
};

/** One copy for an address outside the platform, queued for the relay. */
export type RemoteDelivery = {
  recipient: string;
  /** The envelope recipient that led here (the address itself, or a list with outside members). */
  rcpt: string;
  /** The tenant on whose behalf it is relayed: the sender's, or the list's. */
  tenantId: string | null;
};

/** What a RCPT TO resolved to; list expansion has happened already (policies checked). */
export type ResolvedRecipient = {
  rcpt: string;
  local: LocalDelivery[];
  remote: RemoteDelivery[];
  /** The smallest message size (bytes) any plan behind this recipient allows. */
  maxMessageBytes: number;
};

/** A message that passed DATA, ready to be made durable. */
export type IncomingMessage = {
  /** ULID (server/mail/ulid.ts). */
  id: string;
  receivedAt: Date;
  listener: Listener;
  clientIp: string;
  helo: string;
  /** "" for the null sender. */
  mailFrom: string;
  /** The authenticated account (submission), else null. */
  sender: MailAccount | null;
  recipients: ResolvedRecipient[];
  /** Decoded Subject, at most 255 characters. */
  subject: string;
  headerMessageId: string | null;
  /** The bytes to store, CRLF line ends, our Received header first. */
  bytes: Buffer;
  /** Set when the filters hold the message for review: those mailboxes get a quarantine entry, not a copy. */
  quarantine?: QuarantineVerdict | null;
};

/** One reason behind a filter verdict: an rspamd symbol, a virus signature, a DMARC result. */
export type FilterReason = { name: string; score?: number; description?: string };

/**
 * The filters' decision to hold a message instead of delivering it ([Filtering]). `tenantIds`
 * null = every local recipient; otherwise only recipients of those tenants (each tenant's
 * thresholds differ, one scan serves all). Remote recipients are never quarantined here.
 */
export type QuarantineVerdict = {
  kind: "spam" | "virus" | "dmarc";
  score: number | null;
  reasons: FilterReason[];
  tenantIds: string[] | null;
};
