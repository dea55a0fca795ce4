import { acrossResolvers, missing, verdictOf } from "./across-resolvers";
import type { MxRecord, Problem, RecordCheck, ResolverAnswer } from "./check-types";
import { normaliseName } from "./check-types";
import type { PlatformDnsSettings } from "./platform-settings";

// MX: exactly our hosts with our priorities (seed 003 §2). A host of another provider still
// listed means some senders keep delivering there, so it is wrong even when ours are present.

export function checkMx(domain: string, answers: ResolverAnswer<MxRecord>[], settings: PlatformDnsSettings): RecordCheck {
  const expected = new Map(settings.mx.map((m) => [normaliseName(m.host), m.priority]));
  return acrossResolvers(answers, ({ records }) => {
    if (records.length === 0) return missing("mxMissing", { domain });
    const got = records.map((r) => ({ host: normaliseName(r.exchange), priority: r.preference }));
    // RFC 7505 null MX: "this domain accepts no mail".
    if (got.some((r) => r.host === "")) return verdictOf([{ code: "mxNullMx", params: { domain } }]);
    const blocking: Problem[] = [];
    const foreign = [...new Set(got.filter((r) => !expected.has(r.host)).map((r) => r.host))];
    if (foreign.length) blocking.push({ code: "mxForeignHosts", params: { hosts: foreign.join(", "), count: foreign.length } });
    const absent = [...expected.keys()].filter((h) => !got.some((r) => r.host === h));
    if (absent.length) blocking.push({ code: "mxHostsMissing", params: { hosts: absent.join(", "), count: absent.length } });
    for (const [host, priority] of expected) {
      const seen = got.filter((r) => r.host === host).map((r) => r.priority);
      if (seen.length && !seen.includes(priority)) {
        blocking.push({ code: "mxWrongPriority", params: { host, got: seen.join(", "), expected: priority } });
      }
    }
    return verdictOf(blocking);
  });
}
