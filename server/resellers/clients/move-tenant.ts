import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { moneyTransaction } from "@/server/billing/ledger/money-transaction";
import { DomainError, notFound, say } from "@/server/shared/errors";
import type { MovedTenant, TMoveTenantRequest } from "./move-tenant.types";

const ACTION = "reseller.client.move";

type MoveDetails = { fromResellerId: string | null; toResellerId: string | null };

/**
 * An operator moves a tenant to another reseller (or makes it a direct customer). Only the
 * tenant's resellerId changes: its orders, ledger and audit rows keep their tenantId and are not
 * rewritten, so its history moves with it, and an order placed before the move keeps the reseller
 * that sold it (Order.resellerId) for the margin. Under the tenant's row lock, like every money
 * write, so a move never interleaves with an order being placed. A retry with the same request id
 * finds the first move in the operation log and answers it again.
 */
export async function moveTenant(actor: AuditActor, input: TMoveTenantRequest): Promise<MovedTenant> {
  return moneyTransaction(async (tx) => {
    const [tenant] = await tx.$queryRaw<{ id: string; resellerId: string | null }[]>`SELECT id, resellerId FROM Tenant WHERE id = ${input.tenantId} FOR UPDATE`;
    if (!tenant) throw notFound("Tenant");
    const repeated = await tx.auditEvent.findFirst({
      where: { tenantId: tenant.id, action: ACTION, details: { path: "$.idempotencyKey", equals: input.idempotencyKey } },
      select: { details: true },
    });
    if (repeated) {
      const first = repeated.details as MoveDetails;
      if (first.toResellerId !== input.toResellerId) throw new DomainError("CONFLICT", say("This request id was already used for a different move", "该请求编号已用于另一次迁移"));
      return { tenantId: tenant.id, fromResellerId: first.fromResellerId, toResellerId: first.toResellerId, moved: false };
    }
    if (tenant.resellerId === input.toResellerId) {
      const text = input.toResellerId
        ? say("The tenant already belongs to this reseller: choose another one", "该企业已属于这个经销商，请选择其他经销商")
        : say("The tenant already buys directly from the platform", "该企业已是平台直属客户");
      throw new DomainError("BAD_INPUT", text, { toResellerId: [text] });
    }
    const [from, to] = await Promise.all([
      tenant.resellerId ? tx.reseller.findUnique({ where: { id: tenant.resellerId }, select: { name: true } }) : null,
      input.toResellerId
        ? tx.reseller.findUnique({ where: { id: input.toResellerId }, select: { id: true, name: true, status: true, parent: { select: { status: true } } } })
        : null,
    ]);
    if (input.toResellerId && !to) {
      const text = say("Reseller not found", "经销商不存在");
      throw new DomainError("NOT_FOUND", text, { toResellerId: [text] });
    }
    if (to && (to.status === "suspended" || to.parent?.status === "suspended")) {
      const text = say(`${to.name} is suspended: it cannot take on clients`, `经销商“${to.name}”已暂停，不能接收客户`);
      throw new DomainError("PRECONDITION_FAILED", text, { toResellerId: [text] });
    }
    await tx.tenant.update({ where: { id: tenant.id }, data: { resellerId: input.toResellerId } });
    await recordAudit(
      actor,
      {
        action: ACTION,
        tenantId: tenant.id,
        target: { type: "tenant", id: tenant.id },
        details: {
          fromResellerId: tenant.resellerId,
          fromResellerName: from?.name ?? null,
          toResellerId: input.toResellerId,
          toResellerName: to?.name ?? null,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
        },
      },
      tx,
    );
    return { tenantId: tenant.id, fromResellerId: tenant.resellerId, toResellerId: input.toResellerId, moved: true };
  });
}
