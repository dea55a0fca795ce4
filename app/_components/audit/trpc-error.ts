import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";
import { fieldErrorsOf } from "@/app/_components/use-trpc-form-errors";

export type ShownError = { code: string | null; message: string; fieldErrors: Record<string, string[]> };

/** The parts of a tRPC error a page shows: its code, readable message and per-field messages. */
export function shownError(error: unknown): ShownError | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    return { code: data?.code ?? null, message: error.message, fieldErrors: fieldErrorsOf(error) ?? {} };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error), fieldErrors: {} };
}

/** A sentence for the person: session and permission problems in their language, else the server's message. */
export function readableMessage(error: ShownError, t: (key: "errors.unauthorized" | "errors.forbidden") => string): string {
  if (error.code === "UNAUTHORIZED") return t("errors.unauthorized");
  if (error.code === "FORBIDDEN") return t("errors.forbidden");
  return error.message;
}

/** `refusalText(useTranslations("lists"))`: a refused call as a sentence, for any namespace with `errors.unauthorized` and `errors.forbidden`. */
export function refusalText(t: (key: "errors.unauthorized" | "errors.forbidden") => string): (error: unknown) => string {
  return (error) => {
    const shown = shownError(error);
    return shown ? readableMessage(shown, t) : String(error);
  };
}

/** An idempotency key. crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
