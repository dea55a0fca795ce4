import { acrossResolvers, missing, verdictOf } from "./across-resolvers";
import type { AddressOrAlias, RecordCheck, ResolverAnswer } from "./check-types";
import { normaliseName } from "./check-types";

// Client CNAMEs (webmail/smtp/pop/imap). Judged on the CNAME itself: addresses the resolver
// returned by following it are ignored; an address without a CNAME is a record of the wrong type.

export function checkCname(name: string, target: string, answers: ResolverAnswer<AddressOrAlias>[]): RecordCheck {
  const expected = normaliseName(target);
  return acrossResolvers(answers, ({ records }) => {
    const aliases = records.flatMap((r) => (r.type === "CNAME" ? [normaliseName(r.target)] : []));
    if (aliases.length) {
      return aliases[0] === expected
        ? verdictOf([])
        : verdictOf([{ code: "cnameWrongTarget", params: { name, got: aliases[0]!, expected } }]);
    }
    const addresses = records.flatMap((r) => (r.type === "CNAME" ? [] : [r.address]));
    if (addresses.length) return verdictOf([{ code: "cnameIsAddress", params: { name, addresses: addresses.join(", "), expected } }]);
    return missing("cnameMissing", { name, expected });
  });
}
