import type { DkimKeyStatus, DomainState, Prisma } from "@/server/generated/prisma/client.ts";
import { signingKey } from "./dkim/signing-key";

// What the portal shows of a domain. The select names every column on purpose: a DKIM key's
// private part (privateKeyEnc) is never read by a view, so it can never leak into one.

export const DKIM_KEY_VIEW_SELECT = {
  id: true,
  selector: true,
  status: true,
  publicKey: true,
  createdAt: true,
  activatedAt: true,
  retiredAt: true,
} satisfies Prisma.DkimKeySelect;

const NAME_SELECT = { id: true, name: true, unicodeName: true } satisfies Prisma.DomainSelect;

export const DOMAIN_VIEW_SELECT = {
  id: true,
  tenantId: true,
  name: true,
  unicodeName: true,
  state: true,
  ownershipToken: true,
  createdAt: true,
  lastCheckedAt: true,
  nextCheckAt: true,
  ownedAt: true,
  mailReadyAt: true,
  mxFailingSince: true,
  aliasOf: { select: NAME_SELECT },
  aliases: { select: NAME_SELECT, orderBy: { name: "asc" } },
  dkimKeys: { select: DKIM_KEY_VIEW_SELECT, orderBy: [{ createdAt: "asc" }, { selector: "asc" }] },
} satisfies Prisma.DomainSelect;

type DomainRow = Prisma.DomainGetPayload<{ select: typeof DOMAIN_VIEW_SELECT }>;

export type DomainNameView = { id: string; name: string; unicodeName: string };

export type DkimKeyView = {
  id: string;
  selector: string;
  status: DkimKeyStatus;
  /** Base64 SPKI: the p= of the TXT record at <selector>._domainkey.<domain>. */
  publicKey: string;
  /** This key signs the domain's mail now (dkim/signing-key.ts). */
  signing: boolean;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
};

export type DomainView = {
  id: string;
  /** ASCII (punycode) form, as DNS and the mail engine use it. */
  name: string;
  /** The form people read (例子.中国). */
  unicodeName: string;
  state: DomainState;
  /** The value of the ownership TXT record the customer publishes. */
  ownershipToken: string;
  aliasOf: DomainNameView | null;
  aliases: DomainNameView[];
  dkimKeys: DkimKeyView[];
  createdAt: Date;
  lastCheckedAt: Date | null;
  nextCheckAt: Date | null;
  ownedAt: Date | null;
  mailReadyAt: Date | null;
  mxFailingSince: Date | null;
};

export function toDomainView(row: DomainRow): DomainView {
  const signer = signingKey(row.dkimKeys);
  return {
    id: row.id,
    name: row.name,
    unicodeName: row.unicodeName,
    state: row.state,
    ownershipToken: row.ownershipToken,
    aliasOf: row.aliasOf,
    aliases: row.aliases,
    dkimKeys: row.dkimKeys.map((k) => ({ ...k, signing: k.id === signer?.id })),
    createdAt: row.createdAt,
    lastCheckedAt: row.lastCheckedAt,
    nextCheckAt: row.nextCheckAt,
    ownedAt: row.ownedAt,
    mailReadyAt: row.mailReadyAt,
    mxFailingSince: row.mxFailingSince,
  };
}
