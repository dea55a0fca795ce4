import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Locale } from "@/server/shared/locale";
import { DomainError, type DomainErrorCode } from "@/server/shared/errors";
import { summariseInput, withAuditScope } from "@/server/audit/audit-context";
import { recordAudit } from "@/server/audit/record-audit";
import { assertResellerOwnsTenant } from "@/server/resellers/assert-reseller-owns-tenant";
import { logger } from "@/server/shared/logger";
import { actorOf, type Context } from "./context";

type TRPCCode = TRPCError["code"];

/** The one map from use-case error codes to tRPC codes (architecture convention 2). */
export const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPCCode> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const zhCN = z.locales.zhCN().localeError;

/** An issue's message in the caller's language: zod's own Chinese wording for zh-CN. */
function issueMessage(issue: ZodError["issues"][number], locale: Locale): string {
  if (locale !== "zh-CN") return issue.message;
  const m = zhCN(issue as Parameters<typeof zhCN>[0]);
  return (typeof m === "string" ? m : m?.message) ?? issue.message;
}

/** Zod issues keyed by dotted path ("" for the whole input), for showing next to form fields. */
export function fieldErrorsOf(error: ZodError, locale: Locale = "en"): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issueMessage(issue, locale));
  }
  return out;
}

// The two messages the formatter writes itself, in both languages.
const INVALID_FIELDS: Record<Locale, string> = { "zh-CN": "部分字段填写有误", en: "Some fields are not valid" };
const INTERNAL: Record<Locale, string> = {
  "zh-CN": "服务器出错了，请稍后重试",
  en: "Something went wrong on our side; please try again",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const locale = ctx?.locale ?? "en";
    const fieldErrors =
      cause instanceof ZodError
        ? fieldErrorsOf(cause, locale)
        : cause instanceof DomainError
          ? (cause.fieldErrorsIn(locale) ?? null)
          : null;
    const domainCode = cause instanceof DomainError ? cause.code : null;
    const { stack: _stack, ...data } = shape.data; // stack traces never leave the server
    return {
      ...shape,
      // Zod's raw message is a JSON dump, and an unexpected error's message may hold internals:
      // say something a person can read instead (the server logs the real error).
      message:
        cause instanceof ZodError
          ? INVALID_FIELDS[locale]
          : cause instanceof DomainError
            ? cause.messageIn(locale)
            : error.code === "INTERNAL_SERVER_ERROR"
              ? INTERNAL[locale]
              : shape.message,
      data: { ...data, fieldErrors, domainCode },
    };
  },
});

/** Turns a DomainError thrown by a use case into the mapped TRPCError. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

/** What a refusal says in the log: the code and a readable message, never internals. */
function refusalDetails(error: TRPCError) {
  const cause = error.cause;
  if (cause instanceof ZodError) return { code: error.code, message: INVALID_FIELDS.en, fields: Object.keys(fieldErrorsOf(cause)) };
  if (cause instanceof DomainError) return { code: error.code, domainCode: cause.code, message: cause.messageIn("en") };
  return { code: error.code, message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL.en : error.message };
}

/**
 * A reseller acting for a client (x-acting-tenant) is logged against that tenant only when the
 * call succeeded and the tenant is in its tree: a refused call may name any tenant at all.
 */
async function actingTenantOf(ctx: Context): Promise<string | undefined> {
  const user = ctx.user;
  if (!ctx.actingTenantId || user?.role !== "reseller" || !user.resellerId) return undefined;
  return assertResellerOwnsTenant(user.resellerId, ctx.actingTenantId).then(
    () => ctx.actingTenantId!,
    () => undefined,
  );
}

const auditLog = logger("audit");

/**
 * The entry a mutation gets when its use case wrote none (success) or no failure (refusal).
 * Anonymous calls get none: the login log covers sign-in, a flood must not grow the table, and
 * the public mutations (invitation, password reset) record their own entries.
 */
async function recordFallbackAudit(ctx: Context, path: string, rawInput: () => Promise<unknown>, error: TRPCError | null) {
  if (!ctx.user) return;
  try {
    const input = summariseInput(await rawInput());
    await recordAudit(
      actorOf(ctx),
      error
        ? { action: path, result: "failure", details: { ...refusalDetails(error), input } }
        : { action: path, result: "success", tenantId: await actingTenantOf(ctx), details: { input } },
    );
  } catch (e) {
    // The mutation's own outcome stands: a log write that failed must not turn it into a failure.
    auditLog.error("fallback audit entry not written", { path, error: String(e) });
  }
}

/**
 * Every mutation leaves an operation-log entry (docs/security.md, "Operation log"). Outermost, so
 * it also sees what the tier and input middlewares refuse; the use case's own entries are counted
 * in the scope and make the fallback unnecessary.
 */
const auditMutations = t.middleware(async ({ ctx, path, type, next, getRawInput }) => {
  if (type !== "mutation") return next();
  const { value: result, scope } = await withAuditScope(() => next());
  const needed = result.ok ? scope.successes + scope.failures === 0 : scope.failures === 0;
  if (needed) await recordFallbackAudit(ctx, path, getRawInput, result.ok ? null : result.error);
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure.use(auditMutations).use(domainErrors);
