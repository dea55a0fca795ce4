import { z } from "zod";

// A plan's editable fields, shared by create (all required, defaults for the platform-wide
// limits) and update (all optional). Each bound names its field and unit, so an operator reads
// what to type ("Mailbox quota must be at most 10,000,000 MB"), not zod's generic wording.
// multipleOf(1) rather than int(): int() adds a second "too big" for absurd values like 1e20.

const n = (x: number) => x.toLocaleString("en-US");

/** A whole number between min and max; `unit` is appended to the bounds in messages. */
function whole(label: string, min: number, max: number, unit = "") {
  const u = unit ? ` ${unit}` : "";
  return z
    .number({ error: (iss) => (iss.input == null ? `${label} is required` : `${label} must be a number`) })
    .multipleOf(1, `${label} must be a whole number${unit ? ` of ${unit}` : ""}`)
    .min(min, `${label} must be at least ${n(min)}${u}`)
    .max(max, `${label} must be at most ${n(max)}${u}`);
}

export const PLAN_LIMITS = {
  priceMaxFen: 100_000_000, // 1,000,000 CNY per seat-year: anything above is a typo
  quotaMaxMb: 10_000_000,
  messageLimitMax: 1_000_000_000,
  attachmentMaxMb: 10_240,
  largeAttachmentMaxMb: 102_400,
} as const;

export const ZPlanCode = z
  .string({ error: "Code is required" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "Code must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter or digit");

const fields = {
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .max(80, "Name must be at most 80 characters"),
  pricePerSeatYear: whole("Price per seat-year", 1, PLAN_LIMITS.priceMaxFen, "fen"),
  currency: z.literal("CNY", { error: "Only CNY is supported for now" }),
  mailboxQuotaMb: whole("Mailbox quota", 1, PLAN_LIMITS.quotaMaxMb, "MB"),
  /** null: no limit on the number of messages. */
  mailboxMessageLimit: whole("Message limit per mailbox", 1, PLAN_LIMITS.messageLimitMax, "messages").nullable(),
  attachmentLimitMb: whole("Attachment limit", 1, PLAN_LIMITS.attachmentMaxMb, "MB"),
  largeAttachmentLimitMb: whole("Large attachment limit", 1, PLAN_LIMITS.largeAttachmentMaxMb, "MB"),
  aliasesPerMailbox: whole("Aliases per mailbox", 0, 100),
  domainsPerTenant: whole("Domains per tenant", 1, 1_000),
  dailySendLimit: whole("Daily sending limit", 1, 1_000_000, "messages"),
};

export const ZPlanFields = z.object({
  ...fields,
  currency: fields.currency.default("CNY"),
  mailboxMessageLimit: fields.mailboxMessageLimit.optional().default(null),
  aliasesPerMailbox: fields.aliasesPerMailbox.default(5),
  domainsPerTenant: fields.domainsPerTenant.default(5),
  dailySendLimit: fields.dailySendLimit.default(1_000),
});

/** Every field optional: an edit sends only what changed. */
export const ZPlanFieldChanges = z.object(fields).partial();
export type TPlanFieldChanges = z.infer<typeof ZPlanFieldChanges>;

export const ZPlanId = z.string({ error: "Plan id is required" }).trim().min(1, "Plan id is required").max(191, "Plan id is too long");

/** A plan as operators see it (withdrawn ones included). Prices are integer fen. */
export type PlanRow = {
  id: string;
  code: string;
  name: string;
  pricePerSeatYear: number;
  currency: string;
  mailboxQuotaMb: number;
  mailboxMessageLimit: number | null;
  attachmentLimitMb: number;
  largeAttachmentLimitMb: number;
  aliasesPerMailbox: number;
  domainsPerTenant: number;
  dailySendLimit: number;
  active: boolean;
  updatedAt: Date;
};

export const PLAN_ROW_SELECT = {
  id: true,
  code: true,
  name: true,
  pricePerSeatYear: true,
  currency: true,
  mailboxQuotaMb: true,
  mailboxMessageLimit: true,
  attachmentLimitMb: true,
  largeAttachmentLimitMb: true,
  aliasesPerMailbox: true,
  domainsPerTenant: true,
  dailySendLimit: true,
  active: true,
  updatedAt: true,
} as const;
