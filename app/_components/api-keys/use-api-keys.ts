"use client";

import { useTRPC } from "@/app/_trpc/client";

export type KeysPortal = "operator" | "reseller";

/** The apiKeys sub-router of the portal: both have the same procedures, on their own tier. */
export function useApiKeysRouter(portal: KeysPortal) {
  const trpc = useTRPC();
  return trpc.apiKeys[portal] as typeof trpc.apiKeys.operator;
}
