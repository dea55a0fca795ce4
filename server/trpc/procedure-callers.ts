// Shared by the generated tests (authorization-matrix, every-mutation-audited): one signed-in
// user of each kind of caller, and a call of any procedure by its dotted path. Test-only.
import type { SessionUser } from "@/server/auth/session-user";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { createResellerTree } from "@/server/resellers/reseller-tree-fixtures";
import { refusal } from "@/server/test/authz";
import { makeContext } from "./context";
import type { CallerKind } from "./procedure-tiers";
import { createCaller } from "./root";

export type Callers = { users: Record<CallerKind, SessionUser | null>; elsewhere: string; tree: Awaited<ReturnType<typeof createResellerTree>> };

/** A reseller tree; the reseller is its top staff, "elsewhere" another reseller's client. */
export async function createCallers(label: string): Promise<Callers> {
  const tree = await createResellerTree(label);
  const mailbox: SessionUser = { id: `mbx-${label}`, email: `user@${label.toLowerCase()}.test`, name: "User", role: "mailbox_user", tenantId: tree.top.clientId, resellerId: null, mailboxId: `mbx-${label}` };
  return {
    tree,
    elsewhere: tree.other.clientId,
    users: { anonymous: null, mailbox, tenant_admin: tree.directAdmin, reseller: tree.top.staff, reseller_acting_elsewhere: tree.top.staff, operator: operatorUser },
  };
}

/** Calls `path` as `who`; resolves to the refusal ({ code, message, fieldErrors }) or { code: "ok" }. */
export async function callPath(callers: Callers, path: string, who: CallerKind, input: unknown) {
  const acting = who === "reseller_acting_elsewhere" ? callers.elsewhere : null;
  const caller = createCaller(makeContext(callers.users[who], "127.0.0.1", "en", acting)) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
  return refusal(fn(input)).catch((e: Error) => (e.message.includes("got success") ? { code: "ok", message: null, fieldErrors: null } : Promise.reject(e)));
}
