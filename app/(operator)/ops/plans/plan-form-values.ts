import { parseYuanToFen } from "@/app/_components/money";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import type { TCreatePlanRequest } from "@/server/billing/plans/create-plan.types";

// The plan form holds the price as yuan text (what the operator types) and every limit as a
// number in the server's unit (MB, messages). Field names are the request's, so the server's
// field errors land on the right input.

export type PlanFormValues = {
  code: string;
  name: string;
  pricePerSeatYear: string;
  mailboxQuotaMb: number | null;
  mailboxMessageLimit: number | null;
  attachmentLimitMb: number | null;
  largeAttachmentLimitMb: number | null;
  aliasesPerMailbox: number | null;
  domainsPerTenant: number | null;
  dailySendLimit: number | null;
};

type EditableFields = Omit<TCreatePlanRequest, "code" | "currency">;

/** 20000 → "200.00": exact, no floating-point division. */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** The form's starting values: the plan's, or the platform-wide defaults for a new plan. */
export function toFormValues(plan: PlanRow | null): PlanFormValues {
  if (!plan) {
    return {
      code: "",
      name: "",
      pricePerSeatYear: "",
      mailboxQuotaMb: null,
      mailboxMessageLimit: null,
      attachmentLimitMb: null,
      largeAttachmentLimitMb: null,
      aliasesPerMailbox: 5,
      domainsPerTenant: 5,
      dailySendLimit: 1000,
    };
  }
  const { code, name, pricePerSeatYear, ...limits } = plan;
  return {
    code,
    name,
    pricePerSeatYear: fenToYuanText(pricePerSeatYear),
    mailboxQuotaMb: limits.mailboxQuotaMb,
    mailboxMessageLimit: limits.mailboxMessageLimit,
    attachmentLimitMb: limits.attachmentLimitMb,
    largeAttachmentLimitMb: limits.largeAttachmentLimitMb,
    aliasesPerMailbox: limits.aliasesPerMailbox,
    domainsPerTenant: limits.domainsPerTenant,
    dailySendLimit: limits.dailySendLimit,
  };
}

/** The request fields from the form: the price text becomes integer fen. */
export function toPlanFields(values: PlanFormValues): EditableFields {
  const { code: _code, pricePerSeatYear, ...rest } = values;
  // The form's required rules have run, so the limits are numbers (or null where null means
  // "no limit"). Text that is not an amount goes as NaN, which the server refuses by name.
  const limits = rest as Omit<EditableFields, "pricePerSeatYear">;
  return { ...limits, pricePerSeatYear: parseYuanToFen(pricePerSeatYear) ?? Number.NaN };
}

/** Only what the operator changed, so an edit of the name does not touch the price history. */
export function changedFields(fields: EditableFields, plan: PlanRow): Partial<EditableFields> {
  const changed: Partial<EditableFields> = {};
  for (const key of Object.keys(fields) as (keyof EditableFields)[]) {
    const value = key === "name" ? fields.name.trim() : fields[key];
    if (value !== plan[key]) Object.assign(changed, { [key]: fields[key] });
  }
  return changed;
}
