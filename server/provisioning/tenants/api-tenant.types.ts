import { z } from "zod";
import { ZSeats } from "@/server/billing/orders/create-order.types";
import { ZCreateClientRequest } from "@/server/resellers/clients/create-client.types";
import { ZResellerId } from "@/server/resellers/clients/client.types";

// The provisioning API's request and response schemas. Requests reuse the portal's zod schemas
// (same rules, same messages); responses are described here for the OpenAPI document.

const dateTime = z.iso.datetime();
const TENANT_STATUS = z.enum(["active", "suspended", "frozen"]);

export const ZTenantIdParam = z.string().trim().min(1).max(191);

export const ZApiTenant = z
  .object({
    id: z.string(),
    name: z.string(),
    status: TENANT_STATUS,
    suspendedReason: z.enum(["non_payment", "operator"]).nullable(),
    suspendedAt: dateTime.nullable(),
    frozenUntil: dateTime.nullable().meta({ description: "End of the 7 restorable days after termination" }),
    timeZone: z.string(),
    resellerId: z.string().nullable().meta({ description: "The reseller the tenant is a client of; null for a direct customer" }),
    adminEmail: z.string().nullable(),
    subscription: z
      .object({ id: z.string(), planId: z.string(), planCode: z.string(), seats: z.number().int(), status: z.enum(["pending", "active", "cancelled"]) })
      .nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "Tenant" });
export type ApiTenant = z.input<typeof ZApiTenant>;

export const ZListTenantsQuery = z.object({
  page: z.coerce.number({ message: "page must be a number" }).int().min(1, "page starts at 1").max(100_000).default(1),
  pageSize: z.coerce.number({ message: "pageSize must be a number" }).int().min(1, "pageSize must be 1 to 200").max(200, "pageSize must be 1 to 200").default(50),
  status: TENANT_STATUS.optional(),
});

export const ZTenantPage = z
  .object({ items: z.array(ZApiTenant), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .meta({ id: "TenantPage" });

/**
 * CreateAccount. `resellerId`: for an operator key, the reseller whose client the tenant becomes
 * (omitted: a direct customer of the platform); for a reseller key, one of its own
 * sub-resellers (omitted: the key's reseller).
 */
export const ZCreateTenantBody = ZCreateClientRequest.omit({ idempotencyKey: true, subResellerId: true })
  .extend({ resellerId: ZResellerId.nullish() })
  .meta({ id: "CreateTenantRequest" });
export type TCreateTenantBody = z.output<typeof ZCreateTenantBody>;

export const ZCreatedTenant = z
  .object({
    tenant: ZApiTenant,
    invitationSent: z.boolean().meta({ description: "Whether the administrator's invitation e-mail went out (false on a mail error)" }),
  })
  .meta({ id: "CreatedTenant" });

export const ZLifecycleBody = z
  .object({
    reason: z
      .string({ message: "Give a reason: it is kept in the operation log" })
      .trim()
      .min(1, "Give a reason: it is kept in the operation log")
      .max(500, "Keep the reason under 500 characters"),
  })
  .meta({ id: "LifecycleRequest" });

export const ZApiLifecycle = z
  .object({
    id: z.string(),
    status: TENANT_STATUS,
    suspendedReason: z.enum(["non_payment", "operator"]).nullable(),
    suspendedAt: dateTime.nullable(),
    frozenUntil: dateTime.nullable(),
    purgedAt: dateTime.nullable(),
  })
  .meta({ id: "TenantLifecycle" });

/**
 * ChangePackage. With a paid subscription the change is scheduled for the 1st of next month (the
 * portal's resize); without one an order is opened (the portal's order), paid by bank transfer,
 * or for a reseller key on the reseller's account unless `method` says otherwise.
 */
export const ZChangePlanBody = z
  .object({
    planId: z.string({ message: "Choose a plan" }).min(1, "Choose a plan").max(191),
    seats: ZSeats,
    termYears: z.number({ message: "The term must be a number of years" }).int("The term must be whole years").min(1).max(10).default(1),
    method: z.enum(["bank_transfer", "reseller_account"], { message: "Choose bank_transfer or reseller_account" }).optional(),
  })
  .meta({ id: "ChangePlanRequest" });

export const ZApiOrder = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.string(),
    method: z.string(),
    amount: z.number().int().meta({ description: "Integer fen" }),
    currency: z.string(),
    planId: z.string().nullable(),
    seats: z.number().int().nullable(),
    termYears: z.number().int().nullable(),
    createdAt: dateTime,
    paidAt: dateTime.nullable(),
  })
  .meta({ id: "Order" });

export const ZApiResize = z
  .object({
    id: z.string(),
    toPlanId: z.string(),
    toSeats: z.number().int(),
    pricePerSeatYear: z.number().int().meta({ description: "Integer fen" }),
    effectiveMonth: z.string().meta({ description: "YYYY-MM: the change applies on the 1st" }),
    status: z.enum(["scheduled", "applied", "cancelled"]),
  })
  .meta({ id: "ScheduledChange" });

export const ZChangePlanResult = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("resize"), resize: ZApiResize }), z.object({ kind: z.literal("order"), order: ZApiOrder })])
  .meta({ id: "ChangePlanResult" });

export const ZTenantUsage = z
  .object({
    tenantId: z.string(),
    status: TENANT_STATUS,
    seats: z.object({ paid: z.number().int(), used: z.number().int(), free: z.number().int() }),
    mailboxes: z.number().int(),
    domains: z.number().int(),
    storage: z.object({
      usedBytes: z.number().int().meta({ description: "Stored by all mailboxes" }),
      quotaBytes: z.number().int().meta({ description: "Sum of the mailboxes' quotas" }),
    }),
    measuredAt: dateTime,
  })
  .meta({ id: "TenantUsage" });

export const ZApiPlan = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    pricePerSeatYear: z.number().int().meta({ description: "Integer fen per seat and year" }),
    currency: z.string(),
    mailboxQuotaMb: z.number().int(),
    mailboxMessageLimit: z.number().int().nullable(),
    attachmentLimitMb: z.number().int(),
    largeAttachmentLimitMb: z.number().int(),
    aliasesPerMailbox: z.number().int(),
    domainsPerTenant: z.number().int(),
    dailySendLimit: z.number().int(),
  })
  .meta({ id: "Plan" });
export const ZPlanList = z.object({ items: z.array(ZApiPlan) }).meta({ id: "PlanList" });
