import { z } from "zod";
import { ZDepartmentId } from "../departments/create-department.types";
import { ZDisplayName, ZMailboxId, ZMobile, ZPassword, ZQuotaMb } from "./create-mailbox.types";

/** What an admin may change of a mailbox; the address stays (aliases add addresses). Absent fields are kept. */
export const ZUpdateMailboxRequest = z.object({
  mailboxId: ZMailboxId,
  displayName: ZDisplayName.optional(),
  /** null moves the mailbox out of every department. */
  departmentId: ZDepartmentId.nullable().optional(),
  quotaMb: ZQuotaMb.optional(),
  /** null or "" removes the number. */
  mobile: ZMobile,
});
export type TUpdateMailboxRequest = z.infer<typeof ZUpdateMailboxRequest>;

export const ZSetMailboxStatusRequest = z.object({ mailboxId: ZMailboxId, status: z.enum(["active", "disabled"]) });
export type TSetMailboxStatusRequest = z.infer<typeof ZSetMailboxStatusRequest>;

export const ZResetMailboxPasswordRequest = z.object({ mailboxId: ZMailboxId, password: ZPassword });
export type TResetMailboxPasswordRequest = z.infer<typeof ZResetMailboxPasswordRequest>;
