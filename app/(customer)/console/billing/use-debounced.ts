"use client";

import { useEffect, useState } from "react";

/** `value` once it has stopped changing for `ms`: previews ask the server after typing pauses. */
export function useDebounced<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
