import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { tenantTransaction } from "@/server/tenants/tenant-transaction";
import { callerKeepsWebAccess, loadChannelRules, selfLockoutError } from "./caller-access";
import type { IpRuleView } from "./list-ip-rules";
import { cidrOrRefuse } from "./parse-cidr-field";
import { refuseOverCap } from "./policy-scope";
import type { TAddIpRuleRequest } from "./policy.types";
import { loadSecurityPolicy } from "./security-policy";

const CHANNEL = { web: say("the web portal", "网页端"), mail: say("mail clients", "邮件客户端") };

/**
 * Adds an allow or deny range to a tenant's IP sign-in rules for one channel. The range is
 * normalised first, so "203.0.113.7/24" and "203.0.113.0/24" are the same rule (CONFLICT).
 * `guardCaller`: the caller signs in through these rules (the tenant's own admin), so a rule that
 * would deny the caller's current address on the web portal is refused.
 */
export async function addIpRule(actor: AuditActor, tenantId: string, input: TAddIpRuleRequest, guardCaller: boolean): Promise<IpRuleView> {
  const cidr = cidrOrRefuse(input.cidr);
  const note = input.note?.trim() || null;
  try {
    return await tenantTransaction(tenantId, async (tx) => {
      refuseOverCap(await tx.ipRule.count({ where: { tenantId } }), ["IP sign-in rules", "IP 登录规则"]);
      const same = await tx.ipRule.findFirst({ where: { tenantId, channel: input.channel, cidr } });
      if (same) throw duplicate(cidr, input.channel, same.action);
      if (guardCaller && input.channel === "web" && input.action === "deny") {
        const [rules, policy] = await Promise.all([loadChannelRules(tx, tenantId, "web"), loadSecurityPolicy(tenantId, tx)]);
        if (!callerKeepsWebAccess([...rules, { action: "deny", cidr }], policy.webDefault, actor.ip)) throw selfLockoutError(actor.ip, "cidr");
      }
      const row = await tx.ipRule.create({
        data: { tenantId, channel: input.channel, action: input.action, cidr, note, createdAt: clock.now() },
        select: { id: true, channel: true, action: true, cidr: true, note: true, createdAt: true },
      });
      await recordAudit(actor, { action: "ip_rule.create", tenantId, target: { type: "ip_rule", id: row.id }, details: { channel: row.channel, action: row.action, cidr, note } }, tx);
      return row;
    });
  } catch (e) {
    // A concurrent add of the same range committed first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw duplicate(cidr, input.channel, null);
    throw e;
  }
}

function duplicate(cidr: string, channel: "web" | "mail", action: "allow" | "deny" | null): DomainError {
  const as = action ? say(` (${action})`, action === "allow" ? "（允许）" : "（拒绝）") : say("", "");
  const text = say(`There is already a rule for ${cidr} on ${CHANNEL[channel].en}${as.en}`, `${CHANNEL[channel]["zh-CN"]}已有 ${cidr} 的规则${as["zh-CN"]}`);
  return new DomainError("CONFLICT", text, { cidr: [text] });
}
