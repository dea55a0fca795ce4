import type { DeliveryStatus, MailDirection } from "@/server/generated/prisma/enums.ts";
import { encodeCursor } from "./mail-log-cursor";
import { parseJsonArray } from "@/server/mail/parse-json-array.ts";

/** One state the line went through (MessageEvent.history, oldest first). */
export type MailLogStep = { status: string; at: Date | null; reason: string | null };

/** The columns a line is shown with, as stored. */
type MailLogFields = {
  messageId: string;
  receivedAt: Date;
  direction: MailDirection;
  subject: string;
  sender: string;
  recipient: string;
  status: DeliveryStatus;
  reason: string | null;
};

/** One line of the delivery log as the pages show it: one message, one recipient, one side. */
export type MailLogRow = MailLogFields & {
  /** The line's position, usable as a cursor; also the table's row key. */
  key: string;
  history: MailLogStep[];
};

/** The columns a page reads, as the driver returns them. */
export type MailLogDbRow = MailLogFields & { id: bigint | number; history: unknown };

/**
 * The history column, read defensively: the engine writes [{status, at, reason?}], but a line
 * is shown even if a writer left something else there (it is display data, not a contract).
 */
export function parseHistory(raw: unknown): MailLogStep[] {
  const value = parseJsonArray(raw);
  return value.flatMap((step: unknown) => {
    if (!step || typeof step !== "object") return [];
    const s = step as Record<string, unknown>;
    if (typeof s.status !== "string") return [];
    const at = typeof s.at === "string" && !Number.isNaN(Date.parse(s.at)) ? new Date(s.at) : null;
    return [{ status: s.status, at, reason: typeof s.reason === "string" && s.reason ? s.reason : null }];
  });
}

export function toMailLogRow({ id, history, ...fields }: MailLogDbRow): MailLogRow {
  return { ...fields, key: encodeCursor({ receivedAt: fields.receivedAt, id: BigInt(id) }), history: parseHistory(history) };
}
