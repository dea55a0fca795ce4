import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { notFound } from "@/server/shared/errors";
import { platformDnsSettings } from "@/server/domains/rules/platform-settings";
import { letterValues } from "./letter-values";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, type LetterValues, type Placeholder } from "./welcome-template-rules";

export type WelcomeTemplateView = {
  enabled: boolean;
  subject: string;
  body: string;
  /** No row yet: the tenant sends the Chinese default. */
  isDefault: boolean;
  updatedAt: Date | null;
  defaults: typeof DEFAULT_TEMPLATES;
  placeholders: readonly Placeholder[];
  /** Values of a sample mailbox of this tenant, for the editor's live preview. */
  sample: LetterValues;
};

/** The template a tenant's new mailboxes get, as the console's editor shows it. */
export async function getWelcomeTemplate(tenantId: string): Promise<WelcomeTemplateView> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, welcomeTemplate: true, domains: { select: { unicodeName: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!tenant) throw notFound("Tenant");
  const row = tenant.welcomeTemplate;
  const current = row ?? { enabled: true, ...DEFAULT_TEMPLATES["zh-CN"] };
  return {
    enabled: current.enabled,
    subject: current.subject,
    body: current.body,
    isDefault: !row,
    updatedAt: row?.updatedAt ?? null,
    defaults: DEFAULT_TEMPLATES,
    placeholders: PLACEHOLDERS,
    sample: sampleValues(tenant.name, tenant.domains[0]?.unicodeName),
  };
}

/** A made-up mailbox on the tenant's first domain (or example.com before it has one). */
export function sampleValues(company: string, domain = "example.com"): LetterValues {
  return letterValues({ displayName: "张伟", address: `zhang.wei@${domain}` }, company, platformDnsSettings(), env().PUBLIC_URL);
}
