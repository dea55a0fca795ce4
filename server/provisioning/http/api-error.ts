import { z, ZodError } from "zod";
import { DomainError, type DomainErrorCode, type ErrorText } from "@/server/shared/errors";
import { logger } from "@/server/shared/logger";
import { fieldErrorsOf } from "@/server/trpc/init";

const log = logger("api.v1");

/** The one map from use-case error codes to HTTP statuses for the REST API (architecture convention 2). */
export const DOMAIN_TO_HTTP: Record<DomainErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // A state the request does not fit (suspend a frozen tenant, resize without a subscription): 409,
  // as 412 is HTTP's answer to If-* headers, which this API does not use.
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** The error body of every refusal: `{ error: { code, message, messageZh?, fields? } }`. */
export const ZApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Machine-readable: BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, IDEMPOTENCY_MISMATCH, IN_PROGRESS, PAYLOAD_TOO_LARGE, RATE_LIMITED, INTERNAL" }),
      message: z.string(),
      messageZh: z.string().optional(),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Input errors keyed by field path" }),
    }),
  })
  .meta({ id: "Error" });
export type ApiErrorBody = z.infer<typeof ZApiError>;

/** A refusal the HTTP layer itself makes (no key, wrong scope, idempotency); use cases throw DomainError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: ErrorText,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof text === "string" ? text : text.en);
  }
}

const INVALID = { en: "Some fields are not valid", "zh-CN": "部分字段填写有误" };
const INTERNAL = { en: "Something went wrong on our side; please try again", "zh-CN": "服务器出错了，请稍后重试" };

const body = (code: string, text: ErrorText, fields?: Record<string, string[]>): ApiErrorBody => ({
  error: {
    code,
    message: typeof text === "string" ? text : text.en,
    ...(typeof text === "string" ? {} : { messageZh: text["zh-CN"] }),
    ...(fields && Object.keys(fields).length > 0 ? { fields } : {}),
  },
});

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

/** Any thrown error as the status and body the caller gets; unexpected ones are logged, never shown. */
export function errorResult(e: unknown): ApiResult {
  if (e instanceof ApiError) return { status: e.status, body: body(e.code, e.text), headers: e.headers };
  if (e instanceof ZodError) return { status: 400, body: body("BAD_INPUT", INVALID, fieldErrorsOf(e)) };
  if (e instanceof DomainError) return { status: DOMAIN_TO_HTTP[e.code], body: body(e.code, e.text, e.fieldErrors) };
  log.error("unexpected error", { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return { status: 500, body: body("INTERNAL", INTERNAL) };
}

/** A result as the Response the route handler returns. */
export function toResponse(result: ApiResult): Response {
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store", ...result.headers } });
}
