import { z } from "zod";

// Fields of the search forms (operation log, delivery log): what a cleared input sends must
// mean "no filter", and dates are ISO instants with an offset, as the browser sends them.

/** Trimmed text of at most `max` characters; an empty field means "no filter". */
export const optionalText = (max: number) =>
  z
    .string({ message: "expected text" })
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** An optional ISO 8601 date-time with an offset. */
export const optionalIsoInstant = z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time such as 2026-01-31T16:00:00Z" }).optional();
