import { acrossResolvers, missing, verdictOf, type Verdict } from "./across-resolvers";
import type { RecordCheck, ResolverAnswer, TxtRecord } from "./check-types";
import { txtValue } from "./check-types";
import { DKIM_KEY_BITS, dkimName, isBase64, parseDkimRecord, rsaKeyBits } from "./dkim";

// The DKIM step for one selector. Most failures here come from DNS panels and the 255-character
// limit: the value pasted into several records instead of several strings of one record,
// quotes pasted into the value, or a piece lost where the key was cut. Each gets its own
// diagnosis. Whitespace inside p= is legal (RFC 6376 §3.6.1 allows FWS), so it is a warning.

const DKIM_LIKE = /(^|;)\s*(v=DKIM1|p=)/i;

function judgeKey(p: string, ours: string, name: string): Verdict {
  if (/["']/.test(p)) return verdictOf([{ code: "dkimKeyQuoted", params: { name } }]);
  const key = p.replace(/\s+/g, "");
  const warnings = key !== p ? [{ code: "dkimKeyWhitespace", params: { name } }] : [];
  if (key === ours) return verdictOf([], warnings);
  if (key === "") return verdictOf([{ code: "dkimKeyRevoked", params: { name } }]);
  if (key.length < ours.length && ours.startsWith(key)) {
    return verdictOf([{ code: "dkimKeyTruncated", params: { name, got: key.length, expected: ours.length } }]);
  }
  let prefix = 0;
  while (prefix < key.length && key[prefix] === ours[prefix]) prefix++;
  const rest = key.slice(prefix);
  if (key.length < ours.length && prefix > 0 && rest.length > 0 && ours.endsWith(rest)) {
    // Characters vanished at one cut: typically a split at 255 that dropped the piece between.
    const lost = ours.length - key.length;
    const code = prefix % 4 === 0 ? "dkimKeyLostCharacters" : "dkimKeyLostMidQuad";
    return verdictOf([{ code, params: { name, position: prefix + 1, lost } }]);
  }
  if (!isBase64(key)) return verdictOf([{ code: "dkimKeyNotBase64", params: { name } }]);
  const bits = rsaKeyBits(key);
  if (bits === null) return verdictOf([{ code: "dkimKeyInvalid", params: { name } }]);
  if (bits !== DKIM_KEY_BITS) return verdictOf([{ code: "dkimKeyWrongSize", params: { name, bits, expected: DKIM_KEY_BITS } }]);
  return verdictOf([{ code: "dkimKeyNotOurs", params: { name } }]);
}

export function checkDkim(
  domain: string,
  key: { selector: string; publicKeyBase64: string },
  answers: ResolverAnswer<TxtRecord>[],
): RecordCheck {
  const name = dkimName(key.selector, domain);
  const ours = key.publicKeyBase64;
  return acrossResolvers(answers, ({ records }) => {
    const values = records.map(txtValue);
    if (values.length === 0) return missing("dkimMissing", { name });
    if (values.length > 1) {
      // The pieces of our value pasted as separate records: each is a fragment of the whole.
      const whole = `v=DKIM1; k=rsa; p=${ours}`;
      const total = values.reduce((n, v) => n + v.length, 0);
      if (values.every((v) => v !== whole && whole.includes(v)) && total >= ours.length) {
        return verdictOf([{ code: "dkimSplitAcrossRecords", params: { name, count: values.length } }]);
      }
      const dkim = values.filter((v) => DKIM_LIKE.test(v));
      if (dkim.length > 1) return verdictOf([{ code: "dkimMultipleRecords", params: { name, count: dkim.length } }]);
      if (dkim.length === 0) return verdictOf([{ code: "dkimNotDkim", params: { name } }]);
      values.splice(0, values.length, dkim[0]!);
    }
    const { tags, errors } = parseDkimRecord(values[0]!);
    if (!DKIM_LIKE.test(values[0]!)) return verdictOf([{ code: "dkimNotDkim", params: { name } }]);
    if (errors.length) return verdictOf(errors.map((e) => ({ code: e.code, params: { name, ...e.params } })));
    const k = tags.get("k") ?? "rsa";
    if (k !== "rsa") return verdictOf([{ code: "dkimWrongKeyType", params: { name, got: k } }]);
    return judgeKey(tags.get("p")!, ours, name);
  });
}
