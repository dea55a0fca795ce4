// Use cases throw DomainError; server/trpc/init.ts maps each code to one tRPC code, and the
// mail engine maps its own codes to SMTP replies. The message is safe to show to the caller.
export const DOMAIN_ERROR_CODES = [
  "BAD_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Field-level messages keyed by input path ("seats", "contact.email"). */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: DomainErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
