import { z } from "zod";

/** What an operator sends to suspend, unsuspend, terminate or restore a tenant. */
export const ZTenantActionRequest = z.object({
  tenantId: z.string().trim().min(1, "Choose a tenant").max(191, "This is not a tenant id"),
  reason: z
    .string({ message: "Give a reason: it is kept in the operation log" })
    .trim()
    .min(1, "Give a reason: it is kept in the operation log")
    .max(500, "Keep the reason under 500 characters"),
});

export type TTenantActionRequest = z.infer<typeof ZTenantActionRequest>;
