// Authorisation matrices (house rule 5): each procedure × each kind of caller → the tRPC code
// it must get, or "ok". Shared by the routers' *-auth.int.test.ts files.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError } from "@/server/shared/errors";
import type { Locale } from "@/server/shared/locale";
import { fieldErrorsOf } from "@/server/trpc/init";
import { describe, expect, it } from "vitest";

export const OK = "ok";
export type Outcome = typeof OK | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "PRECONDITION_FAILED";

export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return OK;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

/** One test per (procedure, caller): `calls[p](caller)` must end in `matrix[p][caller]`. */
export function describeMatrix<W extends string>(
  title: string,
  calls: Record<string, (who: W) => Promise<unknown>>,
  matrix: Record<string, Record<W, Outcome>>,
): void {
  describe(title, () => {
    for (const [name, expected] of Object.entries(matrix)) {
      for (const [who, result] of Object.entries(expected) as [W, Outcome][]) {
        it(`${name} called by ${who} → ${result}`, async () => {
          expect(await outcome(() => calls[name]!(who))).toBe(result);
        });
      }
    }
  });
}

/**
 * How a call was refused: tRPC code, message (null for zod's) and field errors (zod's or the use
 * case's), in `locale` as the error formatter would send them (English by default).
 */
export async function refusal(call: Promise<unknown>, locale: Locale = "en") {
  const e = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof TRPCError)) throw new Error(`expected a refusal, got ${e === null ? "success" : String(e)}`);
  const cause = e.cause;
  const fieldErrors = cause instanceof ZodError ? fieldErrorsOf(cause, locale) : cause instanceof DomainError ? (cause.fieldErrorsIn(locale) ?? null) : null;
  const message = cause instanceof ZodError ? null : cause instanceof DomainError ? cause.messageIn(locale) : e.message;
  return { code: e.code, message, fieldErrors };
}
