import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { describeMatrix, OK, refusal, type Outcome } from "@/server/test/authz";
import type { SessionUser } from "@/server/auth/session-user";
import { MAX_ROWS, QUERY_MAX } from "./list-second-factor-accounts";
import { callerFor, enrol, makeWorld } from "./totp-test-fixtures";

// security.totp.accounts: the list behind the admins' "reset second factor" pages. Same scope as
// resetForUser: a tenant admin, its own tenant's admins; an operator, any portal account.
const T0 = new Date("2026-11-28T10:00:10Z");
let world: Awaited<ReturnType<typeof makeWorld>>;
let restore: () => void;

beforeAll(async () => {
  restore = setClock(T0);
  world = await makeWorld();
  await enrol(world.users.adminA2, T0);
  restore();
});
beforeEach(() => {
  restore = setClock(T0);
});
afterEach(() => restore());

const list = (user: SessionUser | null, input: Parameters<ReturnType<typeof callerFor>["security"]["totp"]["accounts"]>[0]) =>
  callerFor(user).security.totp.accounts(input);
const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id).sort();

type Who = "anonymous" | "mailbox_user" | "tenant_admin" | "other_tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { ...world.users, tenant_admin: world.users.adminA, other_tenant_admin: world.users.adminB, mailbox_user: world.users.mailboxA }[w]);

describeMatrix<Who>(
  "security.totp.accounts × callers",
  { accounts: (w) => list(who(w), { query: "t.local" }) },
  { accounts: { anonymous: "UNAUTHORIZED", mailbox_user: "FORBIDDEN", tenant_admin: OK, other_tenant_admin: OK, reseller: "FORBIDDEN", operator: OK } satisfies Record<Who, Outcome> },
);

describe("a tenant admin", () => {
  it("sees the admins of its own tenant only, with their second factor, itself marked", async () => {
    const { adminA, adminA2 } = world.users;
    const result = await list(adminA, {});
    expect(ids(result)).toEqual([adminA.id, adminA2.id].sort());
    expect(result.truncated).toBe(false);
    const enrolled = result.rows.find((r) => r.id === adminA2.id)!;
    expect(enrolled).toMatchObject({ email: adminA2.email, role: "tenant_admin", tenantName: "A", resellerName: null, secondFactor: "enrolled", self: false });
    expect(enrolled.enrolledAt).toEqual(T0);
    expect(result.rows.find((r) => r.id === adminA.id)).toMatchObject({ secondFactor: "not_enrolled", enrolledAt: null, self: true });
  });

  it("never sees another tenant's admins, operators or resellers, whatever it searches for or filters by", async () => {
    const { adminA, adminB, operator, reseller } = world.users;
    for (const input of [{}, { query: "t.local" }, { query: adminB.email }, { query: "operator", role: "operator" as const }, { role: "reseller" as const }]) {
      const seen = ids(await list(adminA, input));
      expect(seen).not.toContain(adminB.id);
      expect(seen).not.toContain(operator.id);
      expect(seen).not.toContain(reseller.id);
    }
    expect(ids(await list(adminB, {}))).toEqual([adminB.id]);
  });

  it("may narrow its list with a search", async () => {
    const { adminA2 } = world.users;
    expect(ids(await list(world.users.adminA, { query: adminA2.email.slice(0, 20) }))).toEqual([adminA2.id]);
  });
});

describe("an operator", () => {
  it("searches every portal account by e-mail or name, with its tenant or reseller", async () => {
    const { operator, adminA, adminB, reseller } = world.users;
    await db.user.update({ where: { id: adminB.id }, data: { name: "Zhang Wei" } });
    expect(ids(await list(operator, { query: "zhang w" }))).toEqual([adminB.id]);
    const byEmail = await list(operator, { query: adminA.email.toUpperCase() });
    expect(byEmail.rows).toEqual([expect.objectContaining({ id: adminA.id, tenantName: "A", secondFactor: "not_enrolled" })]);
    expect((await list(operator, { query: reseller.email })).rows).toEqual([expect.objectContaining({ role: "reseller", resellerName: "R", tenantName: null })]);
    expect((await list(operator, { query: operator.email })).rows).toEqual([expect.objectContaining({ id: operator.id, self: true })]);
  });

  it("filters by role", async () => {
    const rows = (await list(world.users.operator, { query: "t.local", role: "tenant_admin" })).rows;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(["tenant_admin"]));
  });

  it("takes % and _ in a search literally", async () => {
    expect((await list(world.users.operator, { query: "%%" })).rows).toEqual([]);
    expect((await list(world.users.operator, { query: "__" })).rows).toEqual([]);
    expect((await list(world.users.operator, { query: "t_admin" })).rows.length).toBeGreaterThanOrEqual(3);
    expect((await list(world.users.operator, { query: "t%admin" })).rows).toEqual([]);
  });

  it(`gets at most ${MAX_ROWS} rows, and is told there are more`, async () => {
    await db.user.createMany({
      data: Array.from({ length: MAX_ROWS + 2 }, (_, i) => ({ email: `many-${String(i).padStart(3, "0")}@bulk.test`, name: "Bulk", passwordHash: "x", role: "operator" as const })),
    });
    const result = await list(world.users.operator, { query: "@bulk.test" });
    expect(result.rows).toHaveLength(MAX_ROWS);
    expect(result.truncated).toBe(true);
    expect(result.rows[0]!.email).toBe("many-000@bulk.test");
  });

  it("sees a reset account as not enrolled afterwards", async () => {
    const { operator, adminA2 } = world.users;
    await callerFor(operator).security.totp.resetForUser({ userId: adminA2.id });
    expect((await list(operator, { query: adminA2.email })).rows[0]).toMatchObject({ secondFactor: "not_enrolled", enrolledAt: null });
  });
});

describe("bad input", () => {
  it("asks an operator for a search of at least two characters, on the field, in both languages", async () => {
    const op = world.users.operator;
    for (const input of [{}, { query: "" }, { query: "   " }]) {
      const r = await refusal(list(op, input));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.query?.[0]).toMatch(/at least 2 characters of an e-mail address or name/);
    }
    expect((await refusal(list(op, { query: "a" }))).fieldErrors).toEqual({ query: ["Enter at least 2 characters"] });
    expect((await refusal(list(op, { query: "a" }), "zh-CN")).fieldErrors).toEqual({ query: ["请至少输入 2 个字符"] });
  });

  it("refuses a search that is too long, for everyone", async () => {
    const long = "x".repeat(QUERY_MAX + 1);
    for (const user of [world.users.operator, world.users.adminA]) {
      expect(await refusal(list(user, { query: long }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { query: [`Keep the search to ${QUERY_MAX} characters`] } });
    }
    expect((await list(world.users.operator, { query: "x".repeat(QUERY_MAX) })).rows).toEqual([]);
  });

  it("refuses a one-character search from a tenant admin too, and a role or query of the wrong kind", async () => {
    expect((await refusal(list(world.users.adminA, { query: "a" }))).code).toBe("BAD_REQUEST");
    const op = callerFor(world.users.operator).security.totp.accounts;
    expect((await refusal(op({ query: "admin", role: "mailbox_user" } as never))).fieldErrors).toHaveProperty("role");
    expect((await refusal(op({ query: 42 } as never))).fieldErrors).toHaveProperty("query");
    expect((await refusal(op("admin" as never))).code).toBe("BAD_REQUEST");
  });
});
