"use client";

import { useCallback, useRef } from "react";
import { newRequestId } from "@/app/_components/audit/trpc-error";

/**
 * The idempotency key of one submission. Sending the same values again (a retry after a lost
 * answer, a double click) reuses the key, so the server returns the first result instead of
 * creating a second order; other values, or a new submission after a success, get a fresh key.
 */
export function useSubmissionKey() {
  const current = useRef<{ key: string; values: string } | null>(null);
  const keyFor = useCallback((values: unknown) => {
    const json = JSON.stringify(values);
    if (current.current?.values !== json) current.current = { key: newRequestId(), values: json };
    return current.current.key;
  }, []);
  const done = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, done };
}
