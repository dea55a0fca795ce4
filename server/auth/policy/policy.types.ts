import { z } from "zod";

// Shapes only: bounds and cross-field rules are policyFieldErrors' (bilingual, per field), CIDR
// syntax is parseCidr's, so each refusal says exactly what is wrong in both languages.

const ZId = z.string().trim().min(1).max(191);
const knob = z.number({ error: "Enter a number" }).finite();
const ZAction = z.enum(["allow", "deny"], { error: "Choose allow or deny" });
const ZChannel = z.enum(["web", "mail"], { error: "Choose web or mail" });

/** Any subset of the knobs: a settings tab saves its own; the rest keep their values. */
export const ZUpdatePolicyRequest = z
  .object({
    passwordMinLength: knob,
    passwordMaxLength: knob,
    passwordMinClasses: knob,
    passwordHistory: knob,
    passwordMaxAgeDays: knob,
    passwordReminderDays: knob,
    lockoutThreshold: knob,
    lockoutWindowMinutes: knob,
    lockoutMinutes: knob,
    webDefault: ZAction,
    mailDefault: ZAction,
    totpPolicy: z.enum(["optional", "required"], { error: "Choose optional or required" }),
    sessionIdleMinutes: knob,
    sessionAbsoluteHours: knob,
  })
  .partial()
  .strict();
export type TUpdatePolicyRequest = z.infer<typeof ZUpdatePolicyRequest>;

export const ZTenantIdRequest = z.object({ tenantId: ZId });
export const ZIdRequest = z.object({ id: ZId });

const ZCidrText = z.string({ error: "Enter an address or range" }).max(100, "Enter an address or range such as 203.0.113.0/24");
const ZNote = z.string().trim().max(120, "Keep the note to 120 characters").nullish();

export const ZAddIpRuleRequest = z.object({ channel: ZChannel, action: ZAction, cidr: ZCidrText, note: ZNote });
export type TAddIpRuleRequest = z.infer<typeof ZAddIpRuleRequest>;
export const ZOpsAddIpRuleRequest = ZAddIpRuleRequest.extend({ tenantId: ZId });

export const ZAddAllowEntryRequest = z.object({ cidr: ZCidrText, note: ZNote });
export type TAddAllowEntryRequest = z.infer<typeof ZAddAllowEntryRequest>;

/** An address to try against the rules; none = the caller's own. */
export const ZPreviewRequest = z.object({ ip: z.string().trim().max(45).nullish() }).default({});
export const ZOpsPreviewRequest = z.object({ tenantId: ZId, ip: z.string().trim().max(45).nullish() });
