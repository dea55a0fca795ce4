import { addressCache, adminsCache, domainCache } from "./accept-caches";

/** Forgets every cached domain and address (tests; an operator's "apply changes now" later). */
export function clearAcceptCaches(): void {
  domainCache.clear();
  addressCache.clear();
  adminsCache.clear();
}
