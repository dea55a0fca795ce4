"use client";

import { useCallback } from "react";
import type { FormInstance } from "antd";

type FieldErrors = Record<string, string[]>;
type FieldPath = (string | number)[];

/**
 * The `data.fieldErrors` our tRPC error formatter (server/trpc/init.ts) attaches to a failed
 * call, keyed by dotted input path; null when the error carries none.
 */
export function fieldErrorsOf(error: unknown): FieldErrors | null {
  const data = (error as { data?: { fieldErrors?: unknown } } | null)?.data;
  const fieldErrors = data?.fieldErrors;
  return fieldErrors && typeof fieldErrors === "object" ? (fieldErrors as FieldErrors) : null;
}

/** "members.0.email" → ["members", 0, "email"]: antd's name path, numbers for Form.List rows. */
export function toNamePath(dotted: string): FieldPath {
  return dotted.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows each field's messages under its antd Form field. Returns the message that belongs to
 * no field (errors about the whole input, or an error without field errors), or null when
 * everything was placed next to a field.
 */
export function applyTrpcFormErrors(form: Pick<FormInstance, "setFields">, error: unknown): string | null {
  const fieldErrors = fieldErrorsOf(error);
  const fields = Object.entries(fieldErrors ?? {})
    .filter(([path, errors]) => path !== "" && errors.length > 0)
    .map(([path, errors]) => ({ name: toNamePath(path), errors }));
  if (fields.length > 0) form.setFields(fields);
  const whole = fieldErrors?.[""];
  if (whole?.length) return whole.join(" ");
  if (fields.length > 0) return null;
  return error instanceof Error && error.message ? error.message : String(error);
}

/**
 * For every form that calls a tRPC mutation:
 * `const showErrors = useTrpcFormErrors(form);` then in `onError`:
 * `const rest = showErrors(err); if (rest) message.error(rest);`
 */
export function useTrpcFormErrors(form: Pick<FormInstance, "setFields">): (error: unknown) => string | null {
  return useCallback((error: unknown) => applyTrpcFormErrors(form, error), [form]);
}
