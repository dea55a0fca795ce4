import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { createInvitation } from "@/server/auth/invitations/create-invitation";
import { db } from "@/server/shared/db";
import { describeMatrix, outcome, type Outcome } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { createResellerTree } from "../reseller-tree-fixtures";
import { accountWriteCounts, apiAs, key, mailSink, newReseller, uniqueEmail, uniqueName } from "../ops/reseller-test-fixtures";

// resellers.ops, resellers.self and invitations × every kind of caller. Ids are always the top
// reseller's own objects (its staff, its sub-reseller), so a sub-reseller, a sibling and another
// top reseller show that someone else's objects are NOT_FOUND, never FORBIDDEN.
type Who = "anonymous" | "operator" | "top" | "sub" | "sibling" | "other" | "tenant_admin";
type Tree = Awaited<ReturnType<typeof createResellerTree>>;
let tree: Tree;
let sink: SmtpSink;
let who: (w: Who) => SessionUser | null;

beforeAll(async () => {
  sink = await mailSink();
  tree = await createResellerTree("Authz");
  who = (w) => (w === "anonymous" ? null : w === "operator" ? operatorUser : w === "tenant_admin" ? tree.top.clientAdmin : { top: tree.top, sub: tree.sub, sibling: tree.siblingSub, other: tree.other }[w].staff);
});
afterAll(() => sink.close());

/** A fresh invited staff account of the top reseller, for a call that changes it. */
async function topStaff(): Promise<string> {
  const u = await db.user.create({ data: { email: uniqueEmail("m"), name: "M", passwordHash: "!invited:x", role: "reseller", status: "invited", resellerId: tree.top.resellerId } });
  return u.id;
}
const self = (w: Who) => apiAs(who(w)).resellers.self;
const ops = (w: Who) => apiAs(who(w)).resellers.ops;
const card = () => ({ contactName: "张三", contactPhone: "010-88886666", contactEmail: "c@x.test" });
const subInput = () => ({ ...card(), name: uniqueName("下级"), staff: { name: "王五", email: uniqueEmail() }, idempotencyKey: key() });

const ANY_RESELLER = { anonymous: "UNAUTHORIZED", operator: "FORBIDDEN", top: "ok", sub: "ok", sibling: "ok", other: "ok", tenant_admin: "FORBIDDEN" } as const;
const TOP_OWN = { anonymous: "UNAUTHORIZED", operator: "FORBIDDEN", top: "ok", sub: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND", tenant_admin: "FORBIDDEN" } as const;
const TOP_LEVEL_ONLY = { anonymous: "UNAUTHORIZED", operator: "FORBIDDEN", top: "ok", sub: "FORBIDDEN", sibling: "FORBIDDEN", other: "ok", tenant_admin: "FORBIDDEN" } as const;
const OPERATOR_ONLY = { anonymous: "UNAUTHORIZED", operator: "ok", top: "FORBIDDEN", sub: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN", tenant_admin: "FORBIDDEN" } as const;
const PUBLIC = { anonymous: "ok", operator: "ok", top: "ok", sub: "ok", sibling: "ok", other: "ok", tenant_admin: "ok" } as const;

describeMatrix<Who>(
  "resellers.self × callers",
  {
    me: (w) => self(w).me(),
    updateCard: (w) => self(w).updateCard({ serviceHours: "7×24" }),
    staff: (w) => self(w).staff(),
    addStaff: (w) => self(w).addStaff({ name: "新人", email: uniqueEmail(), idempotencyKey: key() }),
    resendInvitation: async (w) => self(w).resendInvitation({ userId: await topStaff() }),
    disableStaff: async (w) => self(w).disableStaff({ userId: await topStaff() }),
    enableStaff: async (w) => self(w).enableStaff({ userId: await topStaff() }),
    subResellers: (w) => self(w).subResellers(),
    createSubReseller: (w) => self(w).createSubReseller(subInput()),
    updateSubReseller: (w) => self(w).updateSubReseller({ resellerId: tree.sub.resellerId, serviceHours: `改${randomUUID().slice(0, 4)}` }),
  },
  {
    me: ANY_RESELLER,
    updateCard: ANY_RESELLER,
    staff: ANY_RESELLER,
    addStaff: ANY_RESELLER,
    resendInvitation: TOP_OWN,
    disableStaff: TOP_OWN,
    enableStaff: TOP_OWN,
    subResellers: ANY_RESELLER,
    createSubReseller: TOP_LEVEL_ONLY,
    updateSubReseller: TOP_OWN,
  },
);

describeMatrix<Who>(
  "resellers.ops × callers",
  {
    list: (w) => ops(w).list({}),
    get: (w) => ops(w).get({ resellerId: tree.sub.resellerId }),
    create: (w) => ops(w).create(newReseller()),
    update: (w) => ops(w).update({ resellerId: tree.sub.resellerId, serviceHours: "9-18" }),
    addStaff: (w) => ops(w).addStaff({ resellerId: tree.top.resellerId, name: "x", email: uniqueEmail(), idempotencyKey: key() }),
    resendInvitation: async (w) => ops(w).resendInvitation({ userId: await topStaff() }),
    disableStaff: async (w) => ops(w).disableStaff({ userId: await topStaff() }),
    enableStaff: async (w) => ops(w).enableStaff({ userId: await topStaff() }),
  },
  { list: OPERATOR_ONLY, get: OPERATOR_ONLY, create: OPERATOR_ONLY, update: OPERATOR_ONLY, addStaff: OPERATOR_ONLY, resendInvitation: OPERATOR_ONLY, disableStaff: OPERATOR_ONLY, enableStaff: OPERATOR_ONLY },
);

describeMatrix<Who>(
  "invitations × callers (public: the link is the credential)",
  {
    check: async (w) => {
      const { token } = await createInvitation(db, { userId: "nobody" });
      // A link of no invited account is not valid for anyone, signed in or not.
      expect(await outcome(() => apiAs(who(w)).invitations.check({ token }))).toBe("NOT_FOUND");
      const real = await createInvitation(db, { userId: await topStaff() });
      return apiAs(who(w)).invitations.check({ token: real.token });
    },
    accept: async (w) => {
      const real = await createInvitation(db, { userId: await topStaff() });
      return apiAs(who(w)).invitations.accept({ token: real.token, password: "Spring#2026x", confirm: "Spring#2026x" });
    },
  },
  { check: PUBLIC, accept: PUBLIC },
);

describe("ids of other resellers, objects by object", () => {
  const cases: [string, () => SessionUser, () => Promise<unknown>, Outcome][] = [];
  it("a reseller reaches its own children and staff only", async () => {
    const subStaff = (await db.user.findFirstOrThrow({ where: { resellerId: tree.sub.resellerId } })).id;
    const otherStaff = (await db.user.findFirstOrThrow({ where: { resellerId: tree.other.resellerId } })).id;
    const as = (u: SessionUser) => apiAs(u).resellers.self;
    cases.push(
      ["top edits its sub-reseller", () => tree.top.staff, () => as(tree.top.staff).updateSubReseller({ resellerId: tree.siblingSub.resellerId }), "ok"],
      ["top edits another top's reseller", () => tree.top.staff, () => as(tree.top.staff).updateSubReseller({ resellerId: tree.other.resellerId, contactName: "越权" }), "NOT_FOUND"],
      ["top edits itself as a child", () => tree.top.staff, () => as(tree.top.staff).updateSubReseller({ resellerId: tree.top.resellerId, contactName: "越权" }), "NOT_FOUND"],
      ["sub edits its sibling", () => tree.sub.staff, () => as(tree.sub.staff).updateSubReseller({ resellerId: tree.siblingSub.resellerId, contactName: "越权" }), "NOT_FOUND"],
      ["sub edits its parent", () => tree.sub.staff, () => as(tree.sub.staff).updateSubReseller({ resellerId: tree.top.resellerId, contactName: "越权" }), "NOT_FOUND"],
      ["top disables its sub-reseller's staff", () => tree.top.staff, () => as(tree.top.staff).disableStaff({ userId: subStaff }), "NOT_FOUND"],
      ["sub disables its sibling's staff", () => tree.sub.staff, () => as(tree.sub.staff).disableStaff({ userId: tree.siblingSub.staff.id }), "NOT_FOUND"],
      ["top resends to another top's staff", () => tree.top.staff, () => as(tree.top.staff).resendInvitation({ userId: otherStaff }), "NOT_FOUND"],
      ["sub enables its parent's staff", () => tree.sub.staff, () => as(tree.sub.staff).enableStaff({ userId: tree.top.staff.id }), "NOT_FOUND"],
    );
    const before = await accountWriteCounts();
    for (const [what, , call, expected] of cases) expect(await outcome(call), what).toBe(expected);
    // Only the first case (allowed, and a no-op: it changes nothing) could have written.
    expect(await accountWriteCounts()).toEqual(before);
    expect(await db.reseller.count({ where: { id: { in: [tree.top.resellerId, tree.other.resellerId, tree.siblingSub.resellerId] }, status: "suspended" } })).toBe(0);
  });
});
