import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import type { Problem, RecordCheck, ResolverAnswer, ResolverOutcome } from "./check-types";
import type { SpfDns } from "./spf/evaluate-spf";
import { platformDnsSettingsFrom } from "./platform-settings";

// Helpers for the rules' unit tests only. Zones here are plain inputs to the pure rules (what
// a resolver answered), not a DNS server: the DNS client has its own tests against dns2.

export const SETTINGS = platformDnsSettingsFrom({ PLATFORM_DOMAIN: "mailstead.net", MX_HOSTS: undefined, DMARC_REPORT_ADDRESS: undefined });

export const answer = <T>(resolver: string, records: T[], outcome?: ResolverOutcome): ResolverAnswer<T> => ({
  resolver,
  outcome: outcome ?? (records.length ? "answer" : "nodata"),
  records,
});
export const failed = <T>(resolver: string, error = "timeout after 2000 ms"): ResolverAnswer<T> => ({ resolver, outcome: "error", records: [], error });

const DIR = join(import.meta.dirname, "../../../app/_i18n/messages");
export const CATALOGUES = {
  en: JSON.parse(readFileSync(join(DIR, "en/domainChecks.json"), "utf8")).domainChecks as Record<string, string>,
  "zh-CN": JSON.parse(readFileSync(join(DIR, "zh-CN/domainChecks.json"), "utf8")).domainChecks as Record<string, string>,
};

/** A message formatted the way the portal does (next-intl), throwing instead of falling back. */
export function format(locale: "en" | "zh-CN", code: string, params: Problem["params"] = {}): string {
  if (CATALOGUES[locale][code] === undefined) throw new Error(`no ${locale} message for ${code}`);
  const t = createTranslator({
    locale,
    messages: { domainChecks: CATALOGUES[locale] },
    namespace: "domainChecks",
    onError: (error) => {
      throw error;
    },
  });
  return t(code as never, params as never);
}

/** Every problem's message in both languages, formatted with its params (throws if one is missing). */
export function render(problems: Problem[]): { en: string[]; "zh-CN": string[] } {
  const one = (locale: "en" | "zh-CN", p: Problem) => format(locale, p.code, p.params);
  return { en: problems.map((p) => one("en", p)), "zh-CN": problems.map((p) => one("zh-CN", p)) };
}

/** The codes of a check, after making sure each renders in both languages. */
export function codes(check: RecordCheck): string[] {
  render(check.problems);
  return check.problems.map((p) => p.code);
}

/** SPF lookups over a fixed zone: name → TXT values; `null` = NXDOMAIN; names in `broken` fail. */
export function zoneDns(txt: Record<string, string[] | null>, hosts: Record<string, boolean> = {}, broken: string[] = []): SpfDns & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async lookupTxt(name) {
      asked.push(name);
      if (broken.includes(name)) return { outcome: "error", records: [], error: "SERVFAIL" };
      const records = txt[name];
      if (records === undefined || records === null) return { outcome: "nxdomain", records: [] };
      return { outcome: records.length ? "answer" : "nodata", records };
    },
    async lookupHost(name) {
      asked.push(name);
      if (broken.includes(name)) return "error";
      return hosts[name] ? "answer" : "nxdomain";
    },
  };
}
