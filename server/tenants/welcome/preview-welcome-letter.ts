import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { sampleValues } from "./get-welcome-template";
import { assertTemplate } from "./update-welcome-template";
import type { TPreviewWelcomeLetterRequest } from "./update-welcome-template.types";
import { renderLetter } from "./welcome-template-rules";

/** The letter a template would send, rendered for a sample mailbox of the tenant; refused like a save. */
export async function previewWelcomeLetter(tenantId: string, input: TPreviewWelcomeLetterRequest): Promise<{ to: string; subject: string; text: string }> {
  assertTemplate(input.subject, input.body);
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, domains: { select: { unicodeName: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!tenant) throw notFound("Tenant");
  const values = sampleValues(tenant.name, tenant.domains[0]?.unicodeName);
  return { to: values.address, ...renderLetter(input, values) };
}
