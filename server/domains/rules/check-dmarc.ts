import { acrossResolvers, missing, verdictOf } from "./across-resolvers";
import type { RecordCheck, ResolverAnswer, TxtRecord } from "./check-types";
import { txtValue } from "./check-types";
import { dmarcName } from "./expected-records";
import { isDmarcLike, parseDmarc } from "./dmarc";

// The DMARC step (advisory: it never blocks mail-ready). p=none is accepted with a warning: it
// only monitors, so spoofed mail is still delivered.

export function checkDmarc(domain: string, answers: ResolverAnswer<TxtRecord>[]): RecordCheck {
  const name = dmarcName(domain);
  return acrossResolvers(answers, ({ records }) => {
    const dmarc = records.map(txtValue).filter(isDmarcLike);
    if (dmarc.length === 0) {
      return records.length ? verdictOf([{ code: "dmarcNotDmarc", params: { name } }]) : missing("dmarcMissing", { name });
    }
    // RFC 7489 §6.6.3: more than one record means no DMARC policy at all.
    if (dmarc.length > 1) return verdictOf([{ code: "dmarcMultiple", params: { name, count: dmarc.length } }]);
    const parsed = parseDmarc(dmarc[0]!);
    const warnings = parsed.warnings.map((w) => ({ code: w.code, params: { name, ...w.params } }));
    if (parsed.errors.length) return verdictOf(parsed.errors.map((e) => ({ code: e.code, params: { name, ...e.params } })), warnings);
    if (parsed.tags.get("p") === "none") warnings.push({ code: "dmarcPolicyNone", params: { name } });
    if (!parsed.tags.has("rua")) warnings.push({ code: "dmarcNoReports", params: { name } });
    return verdictOf([], warnings);
  });
}
