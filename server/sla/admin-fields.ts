import { z } from "zod";
import { DomainError, say, type Localized } from "@/server/shared/errors";

// Input fields the operators' SLA forms share (maintenance, incidents). Instants are ISO 8601
// with an offset, as the browser's date pickers send them, and become Dates for the use cases.

export const INSTANT_MESSAGE = "Enter a date and time in ISO 8601 with an offset, e.g. 2026-12-05T02:00:00+08:00";

export const ZInstant = z.iso.datetime({ offset: true, message: INSTANT_MESSAGE }).transform((s) => new Date(s));

/** A person's text of 5 to 500 characters (the columns are VARCHAR(500)); `message` names what it is for. */
export const textOf5To500 = (message: string) => z.string({ message }).trim().min(5, message).max(500, message);

/** True when trimmed text has 5 to 500 characters: the use cases hold direct callers to the same rule as zod. */
export const isText5To500 = (text: string | null | undefined): boolean => {
  const length = text?.trim().length ?? 0;
  return length >= 5 && length <= 500;
};

/** A list's range: zod cannot compare two fields, so the order is checked here. */
export function assertRange(range: { from?: Date; to?: Date }): void {
  if (range.from && range.to && range.to.getTime() <= range.from.getTime()) {
    const text = say("The end of the range must be after its start", "范围的结束时间须晚于开始时间");
    throw new DomainError("BAD_INPUT", text, { to: [text] });
  }
}

export type FieldErrors = Record<string, Localized[]>;

export function addError(errors: FieldErrors, field: string, text: Localized): void {
  (errors[field] ??= []).push(text);
}

/** Refuses as a whole when any field has a problem: one BAD_INPUT with every field's message. */
export function refuseIfAny(errors: FieldErrors, summary: Localized): void {
  const first = Object.values(errors)[0]?.[0];
  if (!first) return;
  // One problem: its own words are the message; several: the summary, the fields say the rest.
  const count = Object.values(errors).reduce((n, texts) => n + texts.length, 0);
  throw new DomainError("BAD_INPUT", count === 1 ? first : summary, errors);
}

export const SHANGHAI = "Asia/Shanghai";

// Swedish writes dates and times as ISO does: "2026-12-05 02:00".
const wall = new Intl.DateTimeFormat("sv-SE", { timeZone: SHANGHAI, dateStyle: "short", timeStyle: "short", hourCycle: "h23" });

/** "2026-12-05 02:00": an instant on Beijing time, the time every customer of the platform reads. */
export function shanghaiTime(instant: Date): { day: string; time: string } {
  const [day = "", time = ""] = wall.format(instant).split(" ");
  return { day, time };
}

