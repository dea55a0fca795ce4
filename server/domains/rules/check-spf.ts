import { acrossResolversAsync, missing, verdictOf } from "./across-resolvers";
import type { Problem, RecordCheck, ResolverAnswer, TxtRecord } from "./check-types";
import { normaliseName, txtValue } from "./check-types";
import type { PlatformDnsSettings } from "./platform-settings";
import { evaluateSpf, type SpfDns } from "./spf/evaluate-spf";
import { isSpfRecord } from "./spf/parse-spf";

// The SPF step. Decisions:
// - our include must be in the domain's own record; reached only through a nested include it
//   still authorises our servers, so that is ok with a note (the customer may have a reason);
// - `-all` is what we ask for; `~all` (softfail) still lets mail flow and is common, so it is ok
//   with a warning; `?all`, `+all` and a record without any all authorise everyone or nobody
//   in particular, so they are wrong;
// - a lookup that failed while expanding includes makes that resolver's answer a failure
//   (unknown), never wrong.

// A redirect=%{…} target depends on each message, so its all cannot be known here.
const redirectsThroughMacro = (warnings: Problem[]) =>
  warnings.some((w) => w.code === "spfMacroNotExpanded" && String(w.params?.term).startsWith("redirect="));

/** `dnsFor(resolver)`: lookups through that same resolver, so each resolver is judged on its own view. */
export async function checkSpf(
  domain: string,
  answers: ResolverAnswer<TxtRecord>[],
  settings: PlatformDnsSettings,
  dnsFor: (resolver: string) => SpfDns,
): Promise<RecordCheck> {
  const ours = normaliseName(settings.spfInclude);
  return acrossResolversAsync(answers, async (answer) => {
    const spf = answer.records.map(txtValue).filter(isSpfRecord);
    if (spf.length === 0) return missing("spfMissing", { domain });
    if (spf.length > 1) return verdictOf([{ code: "spfMultiple", params: { domain, count: spf.length, records: spf.join(" | ") } }]);
    const ev = await evaluateSpf(domain, spf[0]!, dnsFor(answer.resolver));
    if (ev.temperror) return { failed: ev.temperror };
    const blocking: Problem[] = [...ev.errors];
    const warnings: Problem[] = [...ev.warnings];
    const direct = ev.expanded.find((e) => e.domain === ours && e.via.length === 1 && e.how === "include");
    const nested = ev.expanded.find((e) => e.domain === ours);
    if (!direct && nested) warnings.push({ code: "spfIncludeNested", params: { include: ours, via: [...nested.via, ours].join(" → ") } });
    else if (!direct) blocking.push({ code: "spfIncludeMissing", params: { include: ours } });
    if (ev.all === "~") warnings.push({ code: "spfSoftFail" });
    else if (ev.all === "?") blocking.push({ code: "spfNeutralAll" });
    else if (ev.all === "+") blocking.push({ code: "spfPassAll" });
    else if (ev.all === null && ev.errors.length === 0 && !redirectsThroughMacro(ev.warnings)) blocking.push({ code: "spfNoAll" });
    return verdictOf(blocking, warnings);
  });
}
