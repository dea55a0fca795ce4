import { isIP } from "node:net";
import { domainToASCII, domainToUnicode } from "node:url";
import { parse } from "tldts";
import { DomainError, say, type Localized } from "@/server/shared/errors";

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

function refuse(message: Localized): never {
  throw new DomainError("BAD_INPUT", message, { name: [message] });
}

const NOT_AN_IP = say("An IP address is not a domain name: enter a name such as example.com", "IP 地址不是域名：请输入域名，例如 example.com");

const shorten = (label: string) => (label.length > 20 ? `${label.slice(0, 20)}…` : label);

/** Checks done on the text as typed, where the customer recognises what we point at. */
function checkTyped(name: string): void {
  if (name === "") refuse(say("Enter a domain name, e.g. example.com", "请输入域名，例如 example.com"));
  if (/\s/.test(name)) refuse(say("A domain name cannot contain spaces", "域名不能包含空格"));
  if (name.includes("_")) refuse(say("A domain name cannot contain underscores (_): use letters, digits and hyphens", "域名不能包含下划线（_）：只能使用字母、数字和连字符"));
  if (name.includes("@")) refuse(say("Enter the domain only, without a mailbox name or @", "只需输入域名，不要带邮箱名或 @"));
  if (isIP(name) || isIP(name.replace(/^\[|\]$/g, ""))) refuse(NOT_AN_IP);
  // The ideographic full stop (。) and its cousins are dots too: domainToASCII maps them.
  if (name.split(/[.\u3002\uff0e\uff61]/).some((label) => label === "")) {
    refuse(say("The name has an empty label: two dots in a row, or a dot at the start", "域名中有空的部分：连续两个点，或以点开头"));
  }
}

/** Checks on the ASCII form, label by label: lengths and letters-digits-hyphens (LDH). */
function checkAscii(ascii: string): void {
  const labels = ascii.split(".");
  for (const label of labels) {
    if (label.length > MAX_LABEL_LENGTH) {
      refuse(
        say(
          `The label "${shorten(label)}" is ${label.length} characters long: each part between dots may have at most ${MAX_LABEL_LENGTH}`,
          `“${shorten(label)}”这一段有 ${label.length} 个字符：两个点之间的每一段最多 ${MAX_LABEL_LENGTH} 个字符`,
        ),
      );
    }
    if (!/^[a-z0-9-]+$/.test(label)) refuse(say(`The label "${shorten(label)}" may contain only letters, digits and hyphens`, `“${shorten(label)}”只能包含字母、数字和连字符`));
    if (label.startsWith("-") || label.endsWith("-")) refuse(say(`The label "${shorten(label)}" must not start or end with a hyphen`, `“${shorten(label)}”不能以连字符开头或结尾`));
  }
  if (ascii.length > MAX_NAME_LENGTH) {
    refuse(say(`The name is ${ascii.length} characters long: a domain name may have at most ${MAX_NAME_LENGTH}`, `域名有 ${ascii.length} 个字符：最多 ${MAX_NAME_LENGTH} 个`));
  }
  if (labels.length < 2) refuse(say("Enter the whole domain name with its ending, e.g. example.com", "请输入带后缀的完整域名，例如 example.com"));
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) refuse(NOT_AN_IP);
}

/** The public suffix list's verdict: a known ending, and not the ending itself. */
function checkSuffix(ascii: string, unicode: string): void {
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (!parsed.isIcann && !parsed.isPrivate) {
    const suffix = domainToUnicode(parsed.publicSuffix ?? "");
    refuse(say(`".${suffix}" is not a known top-level domain`, `“.${suffix}”不是已知的顶级域名`));
  }
  if (parsed.domain === null) {
    refuse(
      say(
        `${unicode} is a public suffix that anyone can register under, not a domain of its own: enter your domain, e.g. example.${unicode}`,
        `${unicode} 是公共后缀（任何人都可以在其下注册），不是一个独立的域名：请输入您的域名，例如 example.${unicode}`,
      ),
    );
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
  if (ascii === "") refuse(say("This is not a valid domain name: check for stray symbols or a misspelt international name", "这不是有效的域名：请检查是否有多余的符号或拼错的中文域名"));
  checkAscii(ascii);
  const unicode = domainToUnicode(ascii);
  checkSuffix(ascii, unicode);
  return { ascii, unicode };
}
