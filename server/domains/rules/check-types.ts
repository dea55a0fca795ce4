// Shared shapes of the DNS checks. Everything under rules/ is pure: the DNS client answers,
// these functions judge. A Problem's code is a message key under `domainChecks` (zh-CN + en).

export type CheckStatus = "ok" | "missing" | "wrong" | "pending" | "unknown";

export type Problem = { code: string; params?: Record<string, string | number> };

export type RecordCheck = { status: CheckStatus; problems: Problem[] };

/** What one resolver answered for one name and type. `nodata`: the name exists, no record of the type. */
export type ResolverOutcome = "answer" | "nxdomain" | "nodata" | "error";
export type ResolverAnswer<T> = { resolver: string; outcome: ResolverOutcome; records: T[]; error?: string };

/** One TXT record: its character-strings in order (a panel may have split the value). */
export type TxtRecord = string[];
export type MxRecord = { preference: number; exchange: string };
export type AddressOrAlias = { type: "CNAME"; target: string } | { type: "A" | "AAAA"; address: string };

/** Lower case, no final dot: how names are compared. */
export const normaliseName = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/** A TXT record's value as a receiver sees it: its strings concatenated without separators (RFC 7208 §3.3). */
export const txtValue = (record: TxtRecord) => record.join("");
