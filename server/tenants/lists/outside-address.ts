import { domainToASCII } from "node:url";
import { say, type Localized } from "@/server/shared/errors";
import { MAX_ADDRESS, MAX_LOCAL_PART } from "../addresses/local-part";

// An address outside the tenant typed as a list member or named sender. Looser than our own
// local parts (checkLocalPart): other systems allow + and other dot-atom characters, so RFC
// 5322's dot-atom is accepted; quoted local parts are not (no one types them, few systems take them).

const ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export type OutsideAddressCheck = { ok: true; value: string } | { ok: false; message: Localized };

const bad = (en: string, zh: string): OutsideAddressCheck => ({ ok: false, message: say(en, zh) });

/** Trims and lower-cases (an internationalised domain becomes its ASCII form), then checks. */
export function checkOutsideAddress(raw: string): OutsideAddressCheck {
  const typed = raw.trim().toLowerCase();
  if (typed === "") return bad("Enter an e-mail address, e.g. name@example.com", "请填写邮件地址，例如 name@example.com");
  if (/\s/.test(typed)) return bad("An e-mail address cannot contain spaces", "邮件地址不能包含空格");
  const at = typed.lastIndexOf("@");
  if (at < 0 || typed.indexOf("@") !== at) return bad("Enter one address with a single @, e.g. name@example.com", "请填写一个只含一个 @ 的地址，例如 name@example.com");
  const local = typed.slice(0, at);
  const domain = domainToASCII(typed.slice(at + 1));
  if (local === "") return bad("Enter the part before @", "请填写 @ 前面的部分");
  if (local.length > MAX_LOCAL_PART) return bad(`At most ${MAX_LOCAL_PART} characters before @`, `@ 前最多 ${MAX_LOCAL_PART} 个字符`);
  if (!ATOM.test(local)) return bad("The part before @ has a character that is not allowed, or dots at its start, end or in a row", "@ 前面的部分含有不允许的字符，或点号位于开头、结尾或连续出现");
  const labels = domain.split(".");
  if (domain === "" || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels.at(-1)!)) {
    return bad("The part after @ is not a valid domain name, e.g. example.com", "@ 后面的部分不是有效的域名，例如 example.com");
  }
  const value = `${local}@${domain}`;
  if (value.length > MAX_ADDRESS) return bad(`An address may have at most ${MAX_ADDRESS} characters (this has ${value.length})`, `邮件地址最多 ${MAX_ADDRESS} 个字符（当前 ${value.length} 个）`);
  return { ok: true, value };
}
