// Shared by the announcements integration tests: the reseller tree (top → sub, sibling; other;
// a direct tenant), departments and mailboxes in the direct tenant, an operator, callers over the
// announcements router, and a valid announcement input. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/server/audit/record-audit";
import type { SessionUser } from "@/server/auth/session-user";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { createResellerTree } from "@/server/resellers/reseller-tree-fixtures";
import { db } from "@/server/shared/db";
import { actorOf, makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import type { z } from "zod";
import type { ZCreateAnnouncementRequest } from "./announcement.types";

type CreateInput = z.input<typeof ZCreateAnnouncementRequest>;
import { announcementsRouter } from "./router";

export { operatorUser };
export const api = (user: SessionUser | null) => createCallerFactory(announcementsRouter)(makeContext(user));
export const actorFor = (user: SessionUser): AuditActor => actorOf(makeContext(user));

let seq = 0;
/** A valid input: published now to everyone the publisher may address. */
export const input = (over: Partial<CreateInput> = {}): CreateInput & { targetIds: string[] } => ({
  title: `公告 ${++seq}`,
  body: "<p>内容</p>",
  level: "notice",
  audience: "all",
  targetIds: [],
  publishNow: true,
  idempotencyKey: `key-${randomUUID()}`,
  ...over,
});

async function mailboxIn(tenantId: string, domain: { id: string; name: string }, departmentId: string | null) {
  const localPart = `m${++seq}`;
  const address = `${localPart}@${domain.name}`;
  const row = await db.mailbox.create({
    data: { tenantId, domainId: domain.id, departmentId, localPart, address, displayName: localPart, quotaMb: 1024, passwordHash: "!", mustChangePassword: false },
  });
  return sessionOfMailbox(row);
}

/**
 * The tree plus, in the direct tenant, departments Sales › East and Ops with a mailbox in East,
 * one in Ops and one in no department; and a mailbox in the top reseller's client.
 */
export async function createAnnouncementWorld(label = "Ann") {
  const tree = await createResellerTree(label);
  const name = `${label.toLowerCase()}-${Date.now().toString(36)}-${++seq}.example.com`;
  const domain = await db.domain.create({ data: { tenantId: tree.directId, name, unicodeName: name, ownershipToken: "0".repeat(32) } });
  const sales = await db.department.create({ data: { tenantId: tree.directId, name: "Sales" } });
  const east = await db.department.create({ data: { tenantId: tree.directId, name: "East", parentId: sales.id } });
  const ops = await db.department.create({ data: { tenantId: tree.directId, name: "Ops" } });
  const otherName = `o${name}`;
  const otherDomain = await db.domain.create({ data: { tenantId: tree.top.clientId, name: otherName, unicodeName: otherName, ownershipToken: "0".repeat(32) } });
  const otherDepartment = await db.department.create({ data: { tenantId: tree.top.clientId, name: "Elsewhere" } });
  return {
    ...tree,
    departments: { sales: sales.id, east: east.id, ops: ops.id, otherTenants: otherDepartment.id },
    mailboxes: {
      east: await mailboxIn(tree.directId, domain, east.id),
      ops: await mailboxIn(tree.directId, domain, ops.id),
      none: await mailboxIn(tree.directId, domain, null),
      topClient: await mailboxIn(tree.top.clientId, otherDomain, otherDepartment.id),
    },
  };
}
export type AnnouncementWorld = Awaited<ReturnType<typeof createAnnouncementWorld>>;
