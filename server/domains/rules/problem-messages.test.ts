import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES, format } from "./test-support";

// Every problem code a rule can return must have a message in both languages. The codes are
// found in the rules' source (quoted camelCase strings with a check's prefix), so a new code
// without a message fails here even before a test exercises it.

const CODE = /"(noResolver|(?:resolver|seenOnSome|ownership|mx|spf|dkim|dmarc|cname)[A-Z][A-Za-z0-9]*)"/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.startsWith("domain-name") && e.name !== "test-support.ts"
      ? [path]
      : [];
  });
}

const files = sources(import.meta.dirname);
const emitted = new Map<string, string>(); // code → file that emits it
for (const file of files) {
  for (const m of readFileSync(file, "utf8").matchAll(CODE)) emitted.set(m[1]!, relative(import.meta.dirname, file));
}
const argsOf = (text: string) => [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]!).sort();

describe("domainChecks messages", () => {
  it("finds the codes of every rule", () => {
    expect(emitted.size).toBeGreaterThan(60);
    for (const code of ["spfTooManyLookups", "spfTooManyVoidLookups", "spfMultiple", "dkimKeyLostMidQuad", "resolverFailed", "seenOnSomeResolvers"]) {
      expect(emitted.has(code), code).toBe(true);
    }
  });

  it.each(["en", "zh-CN"] as const)("%s has a message for every code a rule can return", (locale) => {
    expect([...emitted.keys()].filter((code) => !(code in CATALOGUES[locale]))).toEqual([]);
  });

  it("has no message for a code no rule returns", () => {
    expect(Object.keys(CATALOGUES.en).filter((code) => !emitted.has(code))).toEqual([]);
  });

  it("uses the same arguments in both languages, and every message is valid ICU", () => {
    for (const [code, en] of Object.entries(CATALOGUES.en)) {
      const zh = CATALOGUES["zh-CN"][code]!;
      expect(argsOf(zh), code).toEqual(argsOf(en));
      const values = Object.fromEntries(argsOf(en).map((a) => [a, "x"]));
      expect(() => format("en", code, values), code).not.toThrow();
      expect(() => format("zh-CN", code, values), code).not.toThrow();
    }
  });

  it("fails loudly when a param is missing (so the renders in other tests prove their params)", () => {
    expect(() => format("en", "mxWrongPriority", { host: "mx-n.mailstead.net" })).toThrow();
    expect(format("zh-CN", "mxWrongPriority", { host: "h", got: 10, expected: 5 })).toBe("h 的优先级为 10，应为 5。");
  });

  it("SPF syntax messages use only the params every syntax error carries", () => {
    const syntax = [...emitted].filter(([, file]) => file === join("spf", "parse-spf.ts")).map(([code]) => code);
    expect(syntax.length).toBeGreaterThan(8);
    for (const code of syntax) {
      for (const arg of argsOf(CATALOGUES.en[code]!)) expect(["term", "position", "domain"], `${code} {${arg}}`).toContain(arg);
    }
  });
});
