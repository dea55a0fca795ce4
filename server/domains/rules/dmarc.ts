// DMARC records (RFC 7489 §6.3–6.4). The parser reports what a receiver would reject (v=DMARC1
// not first, no p, a bad value of a known tag) as errors, and tags it would ignore as warnings.

export const dmarcTxtValue = (reportAddress: string) => `v=DMARC1; p=quarantine; rua=mailto:${reportAddress}`;

export const isDmarcLike = (text: string) => /(^|;)\s*v\s*=\s*DMARC1\s*(;|$)/i.test(text);

export type DmarcIssue = { code: string; params?: Record<string, string> };
export type ParsedDmarc = { tags: Map<string, string>; errors: DmarcIssue[]; warnings: DmarcIssue[] };

const POLICY = /^(none|quarantine|reject)$/;
const URI_LIST = /^\s*[a-z][a-z0-9+.-]*:[^,!\s]+(![0-9]+[kmgt]?)?(\s*,\s*[a-z][a-z0-9+.-]*:[^,!\s]+(![0-9]+[kmgt]?)?)*\s*$/i;

const VALID: Record<string, (v: string) => boolean> = {
  v: (v) => v === "DMARC1",
  p: (v) => POLICY.test(v),
  sp: (v) => POLICY.test(v),
  np: (v) => POLICY.test(v),
  adkim: (v) => v === "r" || v === "s",
  aspf: (v) => v === "r" || v === "s",
  pct: (v) => /^\d{1,3}$/.test(v) && Number(v) <= 100,
  ri: (v) => /^\d{1,10}$/.test(v),
  rf: (v) => /^[a-z0-9-]+(\s*:\s*[a-z0-9-]+)*$/i.test(v),
  fo: (v) => /^[01ds](\s*:\s*[01ds])*$/.test(v),
  rua: (v) => URI_LIST.test(v),
  ruf: (v) => URI_LIST.test(v),
  psd: (v) => /^[ynu]$/.test(v),
  t: (v) => v === "y" || v === "n",
};

export function parseDmarc(text: string): ParsedDmarc {
  const tags = new Map<string, string>();
  const errors: DmarcIssue[] = [];
  const warnings: DmarcIssue[] = [];
  const parts = text.split(";").map((p) => p.trim());
  parts.forEach((part, index) => {
    if (part === "") return;
    const eq = part.indexOf("=");
    if (eq <= 0) {
      errors.push({ code: "dmarcMalformedTag", params: { tag: part } });
      return;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (index === 0 && name !== "v") errors.push({ code: "dmarcVersionNotFirst" });
    if (tags.has(name)) errors.push({ code: "dmarcDuplicateTag", params: { tag: name } });
    tags.set(name, value);
    const valid = VALID[name];
    if (!valid) warnings.push({ code: "dmarcUnknownTag", params: { tag: name } });
    else if (!valid(value)) errors.push({ code: "dmarcBadValue", params: { tag: name, value } });
  });
  if (!tags.has("p")) errors.push({ code: "dmarcPolicyMissing" });
  return { tags, errors, warnings };
}
