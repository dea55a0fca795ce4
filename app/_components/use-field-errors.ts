"use client";

import { useEffect } from "react";
import type { FormInstance } from "antd";

/**
 * A refused query's field errors (keyed by API input field) → one entry per form field, with
 * every message of the API fields `fieldOf` maps to it. Several API fields may share one form
 * field (a date range's `from` and `to` are one picker); unmapped ones are dropped. Every mapped
 * field gets an entry, empty when fine, so a corrected field loses its old message.
 */
export function fieldErrorEntries<F extends string>(fieldErrors: Record<string, string[]>, fieldOf: Readonly<Record<string, F>>): { name: F; errors: string[] }[] {
  const byField = new Map<F, string[]>();
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = fieldOf[path];
    if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
  }
  return [...new Set(Object.values(fieldOf))].map((name) => ({ name, errors: byField.get(name) ?? [] }));
}

/**
 * Shows a refused query's field errors (`shownError(error).fieldErrors`) under the antd Form
 * fields they belong to (see fieldErrorEntries). Keep `fieldOf` a module constant: it is an
 * effect dependency. For mutations, see useTrpcFormErrors.
 */
export function useFieldErrors<V>(form: Pick<FormInstance, "setFields">, fieldErrors: Record<string, string[]>, fieldOf: Readonly<Record<string, keyof V & string>>) {
  useEffect(() => {
    form.setFields(fieldErrorEntries(fieldErrors, fieldOf));
  }, [fieldErrors, form, fieldOf]);
}
