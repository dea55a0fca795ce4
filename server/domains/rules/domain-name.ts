import { isIP } from "node:net";
import { domainToASCII, domainToUnicode } from "node:url";
import { parse } from "tldts";
import { DomainError } from "@/server/shared/errors";

// What a customer may bind as a mail domain. The stored form (`Domain.name`) is the ASCII
// (punycode) name, lower-case, without the final dot; the Unicode form is what people read.
//
// Decisions:
// - A sub-domain of a registrable domain (mail.example.com) is accepted: some companies run mail
//   on one. It is a separate binding, unique platform-wide like any other, and it proves itself
//   with its own ownership TXT record before anything is served for it.
// - The public suffix list's ICANN and private sections both count: `co.uk` and `github.io` are
//   refused (no one owns them), `me.github.io` is accepted. A name whose last label is not on the
//   list at all (`example.local`, `example.123`) is refused as an unknown top-level domain.

export const MAX_NAME_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

export type DomainName = { ascii: string; unicode: string };

function refuse(message: string): never {
  throw new DomainError("BAD_INPUT", message, { name: [message] });
}

const shorten = (label: string) => (label.length > 20 ? `${label.slice(0, 20)}…` : label);

/** Checks done on the text as typed, where the customer recognises what we point at. */
function checkTyped(name: string): void {
  if (name === "") refuse("Enter a domain name, e.g. example.com");
  if (/\s/.test(name)) refuse("A domain name cannot contain spaces");
  if (name.includes("_")) refuse("A domain name cannot contain underscores (_): use letters, digits and hyphens");
  if (name.includes("@")) refuse("Enter the domain only, without a mailbox name or @");
  if (isIP(name) || isIP(name.replace(/^\[|\]$/g, ""))) refuse("An IP address is not a domain name: enter a name such as example.com");
  // The ideographic full stop (。) and its cousins are dots too: domainToASCII maps them.
  if (name.split(/[.\u3002\uff0e\uff61]/).some((label) => label === "")) {
    refuse("The name has an empty label: two dots in a row, or a dot at the start");
  }
}

/** Checks on the ASCII form, label by label: lengths and letters-digits-hyphens (LDH). */
function checkAscii(ascii: string): void {
  const labels = ascii.split(".");
  for (const label of labels) {
    if (label.length > MAX_LABEL_LENGTH) {
      refuse(`The label "${shorten(label)}" is ${label.length} characters long: each part between dots may have at most ${MAX_LABEL_LENGTH}`);
    }
    if (!/^[a-z0-9-]+$/.test(label)) refuse(`The label "${shorten(label)}" may contain only letters, digits and hyphens`);
    if (label.startsWith("-") || label.endsWith("-")) refuse(`The label "${shorten(label)}" must not start or end with a hyphen`);
  }
  if (ascii.length > MAX_NAME_LENGTH) refuse(`The name is ${ascii.length} characters long: a domain name may have at most ${MAX_NAME_LENGTH}`);
  if (labels.length < 2) refuse("Enter the whole domain name with its ending, e.g. example.com");
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) refuse("An IP address is not a domain name: enter a name such as example.com");
}

/** The public suffix list's verdict: a known ending, and not the ending itself. */
function checkSuffix(ascii: string, unicode: string): void {
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (!parsed.isIcann && !parsed.isPrivate) {
    refuse(`".${domainToUnicode(parsed.publicSuffix ?? "")}" is not a known top-level domain`);
  }
  if (parsed.domain === null) {
    refuse(`${unicode} is a public suffix that anyone can register under, not a domain of its own: enter your domain, e.g. example.${unicode}`);
  }
}

/**
 * Normalises what a customer typed into the stored ASCII form and the Unicode form, or throws a
 * DomainError BAD_INPUT (field `name`) saying exactly what is wrong. Trims, lower-cases, drops
 * one trailing dot (the root), and converts internationalised names (例子.中国 → xn--fsqu00a.xn--fiqs8s).
 */
export function normaliseDomainName(input: string): DomainName {
  let name = input.trim().toLowerCase();
  if (/[.\u3002\uff0e\uff61]$/.test(name) && name.length > 1) name = name.slice(0, -1);
  checkTyped(name);
  const ascii = domainToASCII(name);
  if (ascii === "") refuse("This is not a valid domain name: check for stray symbols or a misspelt international name");
  checkAscii(ascii);
  const unicode = domainToUnicode(ascii);
  checkSuffix(ascii, unicode);
  return { ascii, unicode };
}
