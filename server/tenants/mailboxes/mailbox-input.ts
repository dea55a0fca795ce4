import { DomainError, type Localized } from "@/server/shared/errors";
import { passwordMessages, passwordProblems } from "../passwords/password-rule";
import { mobileMessage, normaliseMobile } from "./mailbox-rules";

// The form checks that need no database: run before hashing and before the transaction, so a
// refused request costs nothing and writes nothing.

const onField = (field: string, text: Localized) => new DomainError("BAD_INPUT", text, { [field]: [text] });

/** Refuses a weak password on the `password` field. */
export function assertPasswordAllowed(password: string, localPart: string): void {
  const messages = passwordMessages(passwordProblems(password, localPart));
  if (messages.length > 0) throw new DomainError("BAD_INPUT", messages[0]!, { password: messages });
}

/** The normalised mobile number, null for none, or a refusal on the `mobile` field. */
export function checkedMobile(raw: string | null | undefined): string | null {
  const mobile = normaliseMobile(raw);
  if (mobile === false) throw onField("mobile", mobileMessage);
  return mobile;
}
