import { DomainError } from "@/server/shared/errors";
import { checkAndApply } from "../check/check-and-apply";

export type DueCheckOutcome = "checked" | "gone";

/**
 * What a `domainCheck` job does: the full check, trigger "schedule". A domain removed since the
 * tick queued it is nothing to do: the job completes quietly.
 *
 * Deliberately no "is it still due?" read first: that read would add a database round trip to
 * every job (a check makes about eight; the database is most of a check's cost,
 * docs/benchmarks.md) to spare a rare redundant
 * check after a customer's "check now", and that check is harmless: next-state.ts moves a
 * domain backward only after two agreeing checks whoever triggered them, and forward at once on
 * a manual check anyway.
 */
export async function checkDueDomain(domainId: string): Promise<DueCheckOutcome> {
  try {
    await checkAndApply(domainId, { trigger: "schedule" });
    return "checked";
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return "gone";
    throw e;
  }
}
