// The sign-in gate stores a login event's reason as short English text for the CSV and for
// support (server/auth/gate: run-sign-in-gate.ts, check-ip-rules.ts, mailbox-unusable.ts,
// sign-in.ts). The pages show it in the reader's language: each known shape becomes a message
// key with its values; anything else is shown as stored.

export type ReasonKey =
  | "wrongPassword"
  | "unknownAccount"
  | "rateLimited"
  | "mustChangePassword"
  | "secondFactorAsked"
  | "secondFactorWrong"
  | "secondFactorReplayed"
  | "accountLocked"
  | "addressLocked"
  | "denyRule"
  | "defaultDeny"
  | "defaultDenyNoIp"
  | "newNetwork"
  | "unusable";

export type ReadableReason = { key: ReasonKey; values: Record<string, string> } | { key: null; text: string };

const FIXED: Record<string, ReasonKey> = {
  "wrong password": "wrongPassword",
  "unknown account": "unknownAccount",
  "too many sign-ins from this address": "rateLimited",
  "the password set by an administrator must be changed first": "mustChangePassword",
  "second factor asked": "secondFactorAsked",
  "wrong second factor": "secondFactorWrong",
  "second factor code replayed": "secondFactorReplayed",
};

// "account disabled", "mailbox disabled", "tenant frozen"…: the subject and its status.
export const UNUSABLE_SUBJECTS = ["account", "mailbox", "tenant"] as const;
export const UNUSABLE_STATES = ["disabled", "invited", "suspended", "frozen", "purged"] as const;

const LOCKED = /^(account|address) locked until (\S+)$/;
const DENY_RULE = /^deny rule (\S+) \((web|mail)\)$/;
const DEFAULT_DENY = /^default deny \((web|mail)\)(, address unknown)?$/;
const NEW_NETWORK = /^new network (\S+)$/;
const UNUSABLE = new RegExp(`^(${UNUSABLE_SUBJECTS.join("|")}) (${UNUSABLE_STATES.join("|")})$`);

/** The stored reason as a message key and values, or the text itself when its shape is unknown. */
export function readableReason(reason: string): ReadableReason {
  const fixed = FIXED[reason];
  if (fixed) return { key: fixed, values: {} };
  let m = LOCKED.exec(reason);
  if (m && !Number.isNaN(Date.parse(m[2]!))) return { key: m[1] === "account" ? "accountLocked" : "addressLocked", values: { until: m[2]! } };
  m = DENY_RULE.exec(reason);
  if (m) return { key: "denyRule", values: { cidr: m[1]!, channel: m[2]! } };
  m = DEFAULT_DENY.exec(reason);
  if (m) return { key: m[2] ? "defaultDenyNoIp" : "defaultDeny", values: { channel: m[1]! } };
  m = NEW_NETWORK.exec(reason);
  if (m) return { key: "newNetwork", values: { network: m[1]! } };
  m = UNUSABLE.exec(reason);
  if (m) return { key: "unusable", values: { subject: m[1]!, state: m[2]! } };
  return { key: null, text: reason };
}
