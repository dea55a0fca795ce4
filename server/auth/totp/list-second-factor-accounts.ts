import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client.ts";
import type { Role } from "@/server/auth/roles";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { ResetScope } from "./reset-totp-for-user";
import { likeLiteral } from "@/server/shared/like-literal";

// Lengths are checked below (bilingual, on the field); the schema only gives the shape.
export const ZSecondFactorAccountsRequest = z.object({
  query: z.string().trim().optional(),
  role: z.enum(["operator", "tenant_admin", "reseller"], { error: "Choose operator, tenant admin or reseller" }).optional(),
});
export type TSecondFactorAccountsRequest = z.infer<typeof ZSecondFactorAccountsRequest>;

export type SecondFactorAccount = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled" | "invited";
  tenantName: string | null;
  resellerName: string | null;
  secondFactor: "enrolled" | "not_enrolled";
  enrolledAt: Date | null;
  lastLoginAt: Date | null;
  /** The caller's own row: reset refuses it (their own security page turns it off). */
  self: boolean;
};

/** A search, not a directory: an operator narrows it down rather than pages through every account. */
export const MAX_ROWS = 50;
export const QUERY_MIN = 2;
export const QUERY_MAX = 100;

const SELECT = {
  id: true, email: true, name: true, role: true, status: true, totpEnabledAt: true, lastLoginAt: true,
  tenant: { select: { name: true } }, reseller: { select: { name: true } },
} satisfies Prisma.UserSelect;

// Prisma hands `contains` to LIKE as it is: the user's own % _ \ must be taken literally.

function queryProblem(query: string | undefined, required: boolean) {
  if (!query) {
    return required ? say(`Enter at least ${QUERY_MIN} characters of an e-mail address or name`, `请输入邮箱地址或姓名中的至少 ${QUERY_MIN} 个字符`) : null;
  }
  if (query.length < QUERY_MIN) return say(`Enter at least ${QUERY_MIN} characters`, `请至少输入 ${QUERY_MIN} 个字符`);
  if (query.length > QUERY_MAX) return say(`Keep the search to ${QUERY_MAX} characters`, `搜索内容不能超过 ${QUERY_MAX} 个字符`);
  return null;
}

/**
 * Portal accounts whose second factor the caller may reset (the scope of resetTotpForUser): a
 * tenant admin sees the admins of its own tenant (a search is optional); an operator searches every
 * portal account by e-mail or name, optionally by role. At most MAX_ROWS, `truncated` when more match.
 */
export async function listSecondFactorAccounts(
  scope: ResetScope,
  callerId: string,
  input: TSecondFactorAccountsRequest,
): Promise<{ rows: SecondFactorAccount[]; truncated: boolean }> {
  const query = input.query || undefined;
  const problem = queryProblem(query, "anyAccount" in scope);
  if (problem) throw new DomainError("BAD_INPUT", problem, { query: [problem] });

  const where: Prisma.UserWhereInput = {
    ...("tenantId" in scope ? { role: "tenant_admin", tenantId: scope.tenantId } : input.role ? { role: input.role } : {}),
    ...(query ? { OR: [{ email: { contains: likeLiteral(query) } }, { name: { contains: likeLiteral(query) } }] } : {}),
  };
  const found = await db.user.findMany({ where, select: SELECT, orderBy: [{ email: "asc" }], take: MAX_ROWS + 1 });
  return {
    truncated: found.length > MAX_ROWS,
    rows: found.slice(0, MAX_ROWS).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      status: u.status,
      tenantName: u.tenant?.name ?? null,
      resellerName: u.reseller?.name ?? null,
      secondFactor: u.totpEnabledAt ? "enrolled" : "not_enrolled",
      enrolledAt: u.totpEnabledAt,
      lastLoginAt: u.lastLoginAt,
      self: u.id === callerId,
    })),
  };
}
