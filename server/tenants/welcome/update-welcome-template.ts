import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import type { TUpdateWelcomeTemplateRequest } from "./update-welcome-template.types";
import { templateProblems } from "./welcome-template-rules";

/** Refuses a template that cannot be saved, with every problem on its field. */
export function assertTemplate(subject: string, body: string): void {
  const problems = templateProblems(subject, body);
  const first = Object.values(problems)[0]?.[0];
  if (first) throw new DomainError("BAD_INPUT", say(`The welcome letter cannot be saved: ${first.en}`, `欢迎信无法保存：${first["zh-CN"]}`), problems);
}

/**
 * Saves the tenant's welcome letter (switch, subject, body). Saving the same values again
 * changes nothing but the log, so a retried request is harmless.
 */
export async function updateWelcomeTemplate(actor: AuditActor, tenantId: string, input: TUpdateWelcomeTemplateRequest): Promise<{ enabled: boolean }> {
  assertTemplate(input.subject, input.body);
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const data = { enabled: input.enabled, subject: input.subject, body: input.body };
    await tx.welcomeTemplate.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
    await recordAudit(
      actor,
      { action: "welcome_template.update", tenantId, target: { type: "tenant", id: tenantId }, details: { enabled: input.enabled, subject: input.subject } },
      tx,
    );
    return { enabled: input.enabled };
  });
}
