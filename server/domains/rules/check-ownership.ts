import { acrossResolvers, missing, verdictOf } from "./across-resolvers";
import type { RecordCheck, ResolverAnswer, TxtRecord } from "./check-types";
import { txtValue } from "./check-types";
import { ownershipName, ownershipValue } from "./expected-records";
import type { PlatformDnsSettings } from "./platform-settings";

// Ownership: a TXT `mailstead-verification=<token>` at `_mailstead-verify.<domain>`. Any record
// carrying the token proves control, whatever else sits at the name.

export function checkOwnership(
  domain: string,
  token: string,
  answers: ResolverAnswer<TxtRecord>[],
  settings: PlatformDnsSettings,
): RecordCheck {
  const name = ownershipName(domain, settings);
  const expected = ownershipValue(token, settings);
  return acrossResolvers(answers, ({ records }) => {
    const values = records.map(txtValue).map((v) => v.trim());
    if (values.length === 0) return missing("ownershipMissing", { name, value: expected });
    if (values.includes(expected)) return verdictOf([]);
    if (values.some((v) => v.replace(/^"+|"+$/g, "") === expected)) return verdictOf([{ code: "ownershipQuoted", params: { name } }]);
    const tokens = values.filter((v) => v.startsWith(settings.ownershipPrefix));
    if (tokens.length) return verdictOf([{ code: "ownershipWrongToken", params: { name, value: expected } }]);
    return verdictOf([{ code: "ownershipNoToken", params: { name, value: expected } }]);
  });
}
