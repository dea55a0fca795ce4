import { registerSmtpHook } from "../hooks/smtp-hooks";
import { createFilterHook, type FilterOptions } from "./filter-hook";
import { spamPolicyCache } from "./load-spam-policies";

/**
 * Puts the filters on the engine's DATA phase (engine.ts calls it when MAIL_FILTERS=on);
 * returns the function that takes them off again. Tests pass options to point a scanner at a
 * closed port or the DNS checks at their own sandbox.
 */
export function registerFilterHooks(opts: FilterOptions = {}): () => void {
  const remove = registerSmtpHook("data", createFilterHook(opts));
  return () => {
    remove();
    spamPolicyCache.clear();
  };
}
