import { z } from "zod";
import { isTimeZone } from "@/server/billing/rules/months";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { ZResellerId } from "./client.types";

export const ZCreateClientRequest = z.object({
  companyName: z.string({ message: "Enter the company name" }).trim().min(1, "Enter the company name").max(120, "At most 120 characters"),
  adminName: z.string({ message: "Enter the administrator's name" }).trim().min(1, "Enter the administrator's name").max(80, "At most 80 characters"),
  adminEmail: z
    .string({ message: "Enter the administrator's e-mail address" })
    .trim()
    .toLowerCase()
    .max(254, "At most 254 characters")
    .pipe(z.email("Enter a valid e-mail address, e.g. admin@example.com")),
  timeZone: z
    .string({ message: "Choose a time zone" })
    .trim()
    .max(64, "Choose a time zone from the list")
    .refine((tz) => tz.length > 0 && isTimeZone(tz), "Choose a time zone from the list, e.g. Asia/Shanghai")
    // Stored in its canonical spelling ("asia/shanghai" → "Asia/Shanghai").
    .transform((tz) => new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone)
    .default("Asia/Shanghai"),
  /** A parent reseller may create the client directly under one of its sub-resellers. */
  subResellerId: ZResellerId.nullish(),
  idempotencyKey: ZIdempotencyKey,
});
export type TCreateClientRequest = z.infer<typeof ZCreateClientRequest>;

export type CreatedClient = {
  tenantId: string;
  name: string;
  ownerResellerId: string;
  adminEmail: string;
  /** False when this call was a retry (the first call's tenant) or the mail server refused; resend from the client's row. */
  invitationSent: boolean;
  created: boolean;
};
