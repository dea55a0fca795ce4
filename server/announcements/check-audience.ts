import type { db } from "@/server/shared/db";
import { resellersInTree } from "@/server/resellers/reseller-tree";
import { DomainError, say, type Localized } from "@/server/shared/errors";
import { AUDIENCES, type TAnnouncementInput } from "./announcement.types";
import type { Publisher } from "./publisher";

type Reader = Pick<typeof db, "reseller" | "tenant" | "department">;

export type Audience = { audience: string; audienceResellerId: string | null; targetIds: string[] };

const fieldError = (code: "BAD_INPUT" | "NOT_FOUND", field: string, text: Localized) => new DomainError(code, text, { [field]: [text] });

const CHOOSE_TENANTS = say("Choose at least one tenant", "请至少选择一个企业");
const CHOOSE_DEPARTMENTS = say("Choose at least one department", "请至少选择一个部门");
const TENANT_MISSING = say("A chosen tenant was not found", "所选企业不存在");
const DEPARTMENT_MISSING = say("A chosen department was not found", "所选部门不存在");

/**
 * The audience as stored, checked against what this publisher may address: a reseller's chosen
 * tenants must all be in its tree and a tenant's departments its own, else NOT_FOUND (whether a
 * tenant outside the tree exists is never said). Targets other audiences do not use are dropped.
 */
export async function checkAudience(tx: Reader, publisher: Publisher, input: Pick<TAnnouncementInput, "audience" | "audienceResellerId" | "targetIds">): Promise<Audience> {
  const allowed: readonly string[] = AUDIENCES[publisher.scope];
  if (!allowed.includes(input.audience)) {
    throw fieldError("BAD_INPUT", "audience", say(`This audience is not available here: choose ${allowed.join(", ")}`, `此处不能选择该读者范围：可选 ${allowed.join("、")}`));
  }
  const targetIds = [...new Set(input.targetIds)];
  const none = { audience: input.audience, audienceResellerId: null, targetIds: [] };

  if (input.audience === "reseller_clients") {
    const text = say("Choose the reseller whose clients read it", "请选择经销商（其客户将收到公告）");
    if (!input.audienceResellerId) throw fieldError("BAD_INPUT", "audienceResellerId", text);
    const reseller = await tx.reseller.findUnique({ where: { id: input.audienceResellerId }, select: { id: true } });
    if (!reseller) throw fieldError("NOT_FOUND", "audienceResellerId", say("Reseller not found", "经销商不存在"));
    return { ...none, audienceResellerId: reseller.id };
  }
  if (input.audience === "chosen_tenants") {
    if (targetIds.length === 0) throw fieldError("BAD_INPUT", "targetIds", CHOOSE_TENANTS);
    const within = publisher.scope === "reseller" ? { resellerId: { in: await resellersInTree(publisher.resellerId, tx) } } : {};
    const found = await tx.tenant.count({ where: { id: { in: targetIds }, ...within } });
    if (found !== targetIds.length) throw fieldError("NOT_FOUND", "targetIds", TENANT_MISSING);
    return { ...none, targetIds };
  }
  if (input.audience === "departments" && publisher.scope === "tenant") {
    if (targetIds.length === 0) throw fieldError("BAD_INPUT", "targetIds", CHOOSE_DEPARTMENTS);
    const found = await tx.department.count({ where: { id: { in: targetIds }, tenantId: publisher.tenantId } });
    if (found !== targetIds.length) throw fieldError("NOT_FOUND", "targetIds", DEPARTMENT_MISSING);
    return { ...none, targetIds };
  }
  return none;
}
