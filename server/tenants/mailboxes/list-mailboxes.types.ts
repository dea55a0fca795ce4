import { z } from "zod";
import { ZDepartmentId } from "../departments/create-department.types";
import { ZDomainId } from "@/server/domains/get-domain.types";
import type { MailboxView } from "./mailbox-view";

export const MAILBOX_PAGE_SIZES = [10, 20, 50, 100] as const;

export const ZListMailboxesRequest = z.object({
  /** Part of the address or display name. */
  search: z.string().trim().max(254).optional(),
  /** A department and every department below it; "none" = mailboxes without a department. */
  departmentId: z.union([z.literal("none"), ZDepartmentId]).optional(),
  domainId: ZDomainId.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListMailboxesRequest = z.input<typeof ZListMailboxesRequest>;

export type TListMailboxesResponse = { rows: MailboxView[]; total: number; page: number; pageSize: number };
