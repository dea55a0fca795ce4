import type { Prisma } from "@/server/generated/prisma/client.ts";
import type { MailboxStatus } from "@/server/generated/prisma/enums.ts";

/** What the console shows of a mailbox: never the password hash. */
export const MAILBOX_VIEW_SELECT = {
  id: true,
  address: true,
  localPart: true,
  displayName: true,
  domainId: true,
  departmentId: true,
  quotaMb: true,
  usedBytes: true,
  status: true,
  mobile: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  domain: { select: { unicodeName: true } },
  department: { select: { name: true } },
  _count: { select: { addresses: { where: { kind: "alias" as const } } } },
} as const;

export type MailboxView = {
  id: string;
  address: string;
  localPart: string;
  displayName: string;
  domainId: string;
  domainName: string;
  departmentId: string | null;
  departmentName: string | null;
  quotaMb: number;
  usedMb: number;
  status: MailboxStatus;
  mobile: string | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  aliasCount: number;
};

type Row = Prisma.MailboxGetPayload<{ select: typeof MAILBOX_VIEW_SELECT }>;

export function toMailboxView(row: Row): MailboxView {
  const { domain, department, _count, usedBytes, ...rest } = row;
  return {
    ...rest,
    domainName: domain.unicodeName,
    departmentName: department?.name ?? null,
    usedMb: Math.round((Number(usedBytes) / (1024 * 1024)) * 10) / 10,
    aliasCount: _count.addresses,
  };
}
