import { z } from "zod";
import { QuarantineKind } from "@/server/generated/prisma/enums.ts";
import { optionalIsoInstant, optionalText } from "@/server/shared/filter-fields";

// The quarantine's requests (隔离区, issue 8 item 7), shared by the tenant admin's procedures and
// the mailbox user's, so both read the same filters and ids the same way.

/** A QuarantineItem id: its autoincrement number, as text (BigInt does not travel as JSON). */
export const ZQuarantineId = z
  .string({ message: "expected a quarantine entry id" })
  .regex(/^[1-9]\d{0,18}$/, "not a quarantine entry id")
  // Signed BIGINT: a larger number is no id the table can hold.
  .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= 9_223_372_036_854_775_807n, "not a quarantine entry id");

export const ZQuarantineIdRequest = z.object({ id: ZQuarantineId });
export type TQuarantineIdRequest = z.input<typeof ZQuarantineIdRequest>;

/** held: waiting for a decision (the default); released: delivered, kept a day for the record. */
export const QUARANTINE_STATES = ["held", "released"] as const;

export const ZQuarantineListRequest = z.object({
  /** Part of the recipient address (the envelope recipient or the mailbox it reached). */
  recipient: optionalText(254),
  /** Part of the sender address. */
  sender: optionalText(254),
  kind: z.enum(QuarantineKind, { message: "expected spam, virus or dmarc" }).optional(),
  state: z.enum(QUARANTINE_STATES, { message: "expected held or released" }).default("held"),
  from: optionalIsoInstant,
  to: optionalIsoInstant,
  /** The last page's nextCursor. */
  cursor: optionalText(40),
});
export type TQuarantineListRequest = z.input<typeof ZQuarantineListRequest>;
export type QuarantineListRequest = z.output<typeof ZQuarantineListRequest>;

/** The mailbox user's "this is spam" on a message delivered to them (a delivery-log line's message id). */
export const ZReportSpamRequest = z.object({ messageId: z.string({ message: "expected a message id" }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "not a message id") });
export type TReportSpamRequest = z.input<typeof ZReportSpamRequest>;

/** One reason behind the verdict: an rspamd symbol, a virus signature, a DMARC result. */
export type QuarantineReason = { name: string; score: number | null; description: string | null };

/** One entry as the pages show it. */
export type QuarantineRow = {
  id: string;
  messageId: string;
  /** The envelope recipient (itself, an alias or a list) and the mailbox it reached. */
  rcpt: string;
  mailbox: string;
  sender: string;
  subject: string;
  kind: QuarantineKind;
  score: number | null;
  reasons: QuarantineReason[];
  size: number;
  receivedAt: Date;
  expiresAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
};

export type QuarantinePage = { rows: QuarantineRow[]; nextCursor: string | null; timeZone: string };

/** What teaching Bayes came to: best effort, so a failure is reported, never thrown. */
export type TeachOutcome = { taught: boolean; detail: string };
