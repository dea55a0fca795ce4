import { assertPasswordRule } from "@/server/auth/passwords/set-account-password";
import { loadSecurityPolicy, type SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { DomainError, type Localized } from "@/server/shared/errors";
import { mobileMessage, normaliseMobile } from "./mailbox-rules";

// The form checks that need no database: run before hashing and before the transaction, so a
// refused request costs nothing and writes nothing.

const onField = (field: string, text: Localized) => new DomainError("BAD_INPUT", text, { [field]: [text] });

/**
 * Refuses a password that breaks the tenant's rule, on the `password` field; returns the policy
 * (its history length is needed after the mailbox is written). A read, no lock: run before hashing.
 */
export async function assertPasswordAllowed(tenantId: string, password: string, localPart: string): Promise<SecurityPolicyValues> {
  const policy = await loadSecurityPolicy(tenantId);
  assertPasswordRule(policy, password, localPart);
  return policy;
}

/** The normalised mobile number, null for none, or a refusal on the `mobile` field. */
export function checkedMobile(raw: string | null | undefined): string | null {
  const mobile = normaliseMobile(raw);
  if (mobile === false) throw onField("mobile", mobileMessage);
  return mobile;
}
