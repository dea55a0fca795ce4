import { z } from "zod";

const id = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(191, `${what} is too long`);

export const ZMailboxIdRequest = z.object({ mailboxId: id("Mailbox") });
export type TMailboxIdRequest = z.infer<typeof ZMailboxIdRequest>;

export const ZSuspendSendingRequest = z.object({
  mailboxId: id("Mailbox"),
  reason: z.string({ error: "Give a reason" }).trim().min(3, "Give a reason of at least 3 characters").max(200, "The reason must be at most 200 characters"),
});
export type TSuspendSendingRequest = z.infer<typeof ZSuspendSendingRequest>;

export const ZAlertIdRequest = z.object({ alertId: id("Alert") });
export type TAlertIdRequest = z.infer<typeof ZAlertIdRequest>;

export const ALERT_PAGE_SIZES = [10, 20, 50, 100] as const;

export const ZListAlertsRequest = z.object({
  /** "open" = not yet acknowledged; "all" = open first, then acknowledged. */
  show: z.enum(["open", "all"]).default("all"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListAlertsRequest = z.input<typeof ZListAlertsRequest>;
