import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { callOverHttp, seedAuditWorld } from "@/server/audit/audit-test-fixtures";
import { createPlan } from "./create-plan";
import { newPlanInput, operatorActor, planWriteCounts } from "./plan-test-fixtures";

let world: Awaited<ReturnType<typeof seedAuditWorld>>;
beforeAll(async () => {
  world = await seedAuditWorld();
});

describe("createPlan", () => {
  it("creates a plan on sale with its first price-history row and a plan.create audit row", async () => {
    const { aliasesPerMailbox: _a, domainsPerTenant: _d, dailySendLimit: _s, mailboxMessageLimit: _m, currency: _c, ...input } =
      { ...newPlanInput(), name: "  标准版  " };
    const plan = await createCaller(makeContext(world.users.operator)).billing.plans.create(input);
    // Defaults are the platform-wide limits; the name is trimmed.
    expect(plan).toMatchObject({
      name: "标准版",
      pricePerSeatYear: 20_000,
      currency: "CNY",
      mailboxMessageLimit: null,
      aliasesPerMailbox: 5,
      domainsPerTenant: 5,
      dailySendLimit: 1000,
      active: true,
    });
    const prices = await db.planPrice.findMany({ where: { planId: plan.id } });
    expect(prices).toHaveLength(1);
    expect(prices[0]).toMatchObject({ pricePerSeatYear: 20_000, currency: "CNY", changedById: "ops" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.create", targetId: plan.id } });
    expect(audit).toMatchObject({ actorId: "ops", actorRole: "operator", tenantId: null, targetType: "plan", result: "success" });
    expect(audit.details).toMatchObject({ code: input.code, pricePerSeatYear: 20_000, mailboxQuotaMb: 263 * 1024 });
  });

  it("refuses a duplicate code with CONFLICT on the code field and writes nothing", async () => {
    const first = newPlanInput();
    await createPlan(operatorActor, first);
    const before = await planWriteCounts();
    const { status, error } = await callOverHttp(world.users.operator, "billing.plans.create", newPlanInput({ code: first.code }), "mutation");
    expect(status).toBe(409);
    expect(error?.data?.code).toBe("CONFLICT");
    expect(error?.data?.fieldErrors?.code).toEqual([`A plan with code "${first.code}" already exists; choose another code`]);
    expect(await planWriteCounts()).toEqual(before);
  });

  it("creates one plan when the same code is submitted ten times at once", async () => {
    const input = newPlanInput();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createPlan(operatorActor, input)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const plan = await db.plan.findUniqueOrThrow({ where: { code: input.code } });
    expect(await db.planPrice.count({ where: { planId: plan.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "plan.create", targetId: plan.id } })).toBe(1);
  });
});

// Each bad value gets a 400 with a message on its own field, and nothing is written.
const BAD: Record<string, unknown[]> = {
  code: ["", "a", "A-plan", "has space", "-lead", "a".repeat(41), "方案", 123, null],
  name: ["", "   ", "x".repeat(81), 5, null],
  pricePerSeatYear: [0, -1, 1.5, Number.NaN, "20000", 100_000_001, 1e20, Number.POSITIVE_INFINITY, null],
  currency: ["USD", "cny", 1],
  mailboxQuotaMb: [0, -1, 1.5, 10_000_001, "1024", null],
  mailboxMessageLimit: [0, -5, 2.5, 1_000_000_001, "many"],
  attachmentLimitMb: [0, 10_241, 2.5, null],
  largeAttachmentLimitMb: [0, 102_401, 2.5, 20, null],
  aliasesPerMailbox: [-1, 101, 0.5, "5"],
  domainsPerTenant: [0, 1001, 1.5],
  dailySendLimit: [0, 1_000_001, 10.5, Number.NEGATIVE_INFINITY],
};

describe("createPlan refuses bad input field by field", () => {
  for (const [field, values] of Object.entries(BAD)) {
    for (const value of values) {
      it(`${field} = ${typeof value === "string" ? JSON.stringify(value) : String(value)}`, async () => {
        const before = await planWriteCounts();
        const input = { ...newPlanInput(), [field]: value };
        const { status, error } = await callOverHttp(world.users.operator, "billing.plans.create", input, "mutation");
        expect(status).toBe(400);
        const messages = error?.data?.fieldErrors?.[field];
        expect(messages?.length, JSON.stringify(error?.data?.fieldErrors)).toBeGreaterThan(0);
        expect(Object.keys(error?.data?.fieldErrors ?? {})).toEqual([field]);
        expect(await planWriteCounts()).toEqual(before);
      });
    }
  }

  it("says what is wrong in words the operator can act on", async () => {
    const messageFor = async (field: string, value: unknown) =>
      (await callOverHttp(world.users.operator, "billing.plans.create", { ...newPlanInput(), [field]: value }, "mutation")).error?.data
        ?.fieldErrors?.[field];
    expect(await messageFor("pricePerSeatYear", 1.5)).toEqual(["Price per seat-year must be a whole number of fen"]);
    expect(await messageFor("pricePerSeatYear", 100_000_001)).toEqual(["Price per seat-year must be at most 100,000,000 fen"]);
    expect(await messageFor("mailboxQuotaMb", 0)).toEqual(["Mailbox quota must be at least 1 MB"]);
    expect(await messageFor("largeAttachmentLimitMb", 20)).toEqual([
      "Large attachment limit must be at least the attachment limit (30 MB)",
    ]);
    expect(await messageFor("currency", "USD")).toEqual(["Only CNY is supported for now"]);
    expect(await messageFor("code", "A-plan")).toEqual([
      "Code must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter or digit",
    ]);
  });
});
