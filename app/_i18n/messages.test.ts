import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/server/shared/locale";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

/** Every leaf key as a dotted path, with its text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The ICU argument names in a message ("{count}", "{name, plural, …}"). */
function argumentsOf(text: string): string[] {
  return [...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!).sort();
}

const DIR = join(import.meta.dirname, "messages");
const [reference, ...others] = LOCALES;

describe("messages", () => {
  const byLocale = new Map(LOCALES.map((l) => [l, leaves(MESSAGES[l] as unknown as Tree)]));

  it.each(others)("%s has exactly the keys of the reference language", (locale) => {
    const ref = [...byLocale.get(reference)!.keys()].sort();
    const mine = [...byLocale.get(locale)!.keys()].sort();
    expect(mine.filter((k) => !ref.includes(k)), "keys only in " + locale).toEqual([]);
    expect(ref.filter((k) => !mine.includes(k)), "keys missing from " + locale).toEqual([]);
  });

  it.each(others)("%s uses the same {arguments} as the reference language in every message", (locale) => {
    const mismatched = [...byLocale.get(reference)!].filter(
      ([key, text]) => argumentsOf(text).join() !== argumentsOf(byLocale.get(locale)!.get(key) ?? "").join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    expect([...byLocale.get(locale)!].filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("has the same namespace files in every language, each merged into MESSAGES", () => {
    const files = LOCALES.map((l) => readdirSync(join(DIR, l)).filter((f) => f.endsWith(".json")).sort());
    for (const list of files) expect(list).toEqual(files[0]);
    for (const locale of LOCALES) {
      for (const file of files[0]!) {
        const tree = JSON.parse(readFileSync(join(DIR, locale, file), "utf8")) as Tree;
        for (const ns of Object.keys(tree)) {
          // Catches a file left out of messages.ts or a namespace overwritten by another file.
          expect(MESSAGES[locale], `${locale}/${file} namespace ${ns}`).toHaveProperty([ns], tree[ns]);
        }
      }
    }
  });

  it("defines each namespace in one file only", () => {
    const owner = new Map<string, string>();
    for (const file of readdirSync(join(DIR, reference)).filter((f) => f.endsWith(".json"))) {
      const tree = JSON.parse(readFileSync(join(DIR, reference, file), "utf8")) as Tree;
      for (const ns of Object.keys(tree)) {
        expect(owner.get(ns), `namespace ${ns} in ${file}`).toBeUndefined();
        owner.set(ns, file);
      }
    }
  });
});
