import type { QuarantineKind } from "@/server/generated/prisma/enums.ts";
import type { QuarantineReason, QuarantineRow } from "./quarantine.types";
import { parseJsonArray } from "@/server/mail/parse-json-array.ts";

// Entries as the pages show them. The reasons column is display data written by the filters
// ([{name, score?, description?}]); it is read defensively so one odd entry never hides a list.

const MAX_REASONS = 50;

export function parseReasons(raw: unknown): QuarantineReason[] {
  const value = parseJsonArray(raw);
  return value.slice(0, MAX_REASONS).flatMap((r: unknown) => {
    if (!r || typeof r !== "object") return [];
    const o = r as Record<string, unknown>;
    if (typeof o.name !== "string" || !o.name) return [];
    return [
      {
        name: o.name.slice(0, 200),
        score: typeof o.score === "number" && Number.isFinite(o.score) ? o.score : null,
        description: typeof o.description === "string" && o.description ? o.description.slice(0, 500) : null,
      },
    ];
  });
}

/** The columns a list reads (Prisma's QuarantineItem plus its mailbox's address). */
export type QuarantineDbRow = {
  id: bigint;
  messageId: string;
  rcpt: string;
  sender: string;
  subject: string;
  kind: QuarantineKind;
  score: number | null;
  reasons: unknown;
  size: number;
  receivedAt: Date;
  expiresAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
  mailbox: { address: string };
};

export function toQuarantineRow({ id, reasons, mailbox, ...rest }: QuarantineDbRow): QuarantineRow {
  return { ...rest, id: id.toString(), mailbox: mailbox.address, reasons: parseReasons(reasons) };
}

export const QUARANTINE_ROW_SELECT = {
  id: true,
  messageId: true,
  rcpt: true,
  sender: true,
  subject: true,
  kind: true,
  score: true,
  reasons: true,
  size: true,
  receivedAt: true,
  expiresAt: true,
  releasedAt: true,
  releasedBy: true,
  mailbox: { select: { address: true } },
} as const;
