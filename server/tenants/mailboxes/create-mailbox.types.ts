import { z } from "zod";
import { ZDepartmentId } from "../departments/create-department.types";
import { ZDomainId } from "@/server/domains/get-domain.types";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";

// Shapes only: the local part, password, mobile and quota rules live in the use cases (pure
// functions with bilingual messages on their fields), so the lengths here are generous.
export const ZMailboxId = z.string({ message: "Choose a mailbox" }).trim().min(1, "Choose a mailbox").max(191, "Not a mailbox id");
export const ZDisplayName = z.string({ message: "Enter a name" }).trim().min(1, "Enter a name").max(80, "At most 80 characters");
export const ZQuotaMb = z.number({ message: "Enter the quota in MB" }).int("Whole MB only").min(1, "At least 1 MB");
export const ZMobile = z.string().max(40, "At most 40 characters").nullish();
export const ZPassword = z.string({ message: "Enter a password" }).max(200, "At most 200 characters");

export const ZCreateMailboxRequest = z.object({
  domainId: ZDomainId,
  localPart: z.string({ message: "Enter the part before @" }).max(300, "Too long"),
  displayName: ZDisplayName,
  departmentId: ZDepartmentId.nullish(),
  /** Absent: the plan's quota per mailbox. */
  quotaMb: ZQuotaMb.optional(),
  status: z.enum(["active", "disabled"]).default("active"),
  password: ZPassword,
  mobile: ZMobile,
  /** The submission's id: a retry with the same id returns the mailbox the first one made. */
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TCreateMailboxRequest = z.infer<typeof ZCreateMailboxRequest>;

export const ZMailboxIdRequest = z.object({ mailboxId: ZMailboxId });
export type TMailboxIdRequest = z.infer<typeof ZMailboxIdRequest>;
