import { DomainError } from "@/server/shared/errors";
import { parseCidr } from "@/server/auth/ip-rules/cidr";

/** The normalised CIDR of a form's address field, or BAD_INPUT naming what is wrong with it under `cidr`. */
export function cidrOrRefuse(text: string): string {
  const parsed = parseCidr(text.trim());
  if (!parsed.ok) throw new DomainError("BAD_INPUT", parsed.reason, { cidr: [parsed.reason] });
  return parsed.cidr;
}
