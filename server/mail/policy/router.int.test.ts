import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { DEFAULT_SPAM_POLICY } from "@/server/mail/filter/spam-policy-rules";
import { createMailbox, createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { db } from "@/server/shared/db";
import { describeMatrix, refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

// spamPolicy.* × every kind of caller, then what each call does and refuses. The tenant is
// always the session's: a tenant admin cannot name another tenant, so "other_tenant" acts on
// its own policy, and the owner's is checked to be untouched.
type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";

let owner: MailTenant;
let other: MailTenant;
let user: SessionUser;
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner: owner.admin, other_tenant: other.admin, reseller: resellerUser, operator: operatorUser, mailbox_user: user }[w];
const api = (u: SessionUser | null, locale: "en" | "zh-CN" = "en") => createCaller(makeContext(u, "127.0.0.1", locale)).spamPolicy;
const valid = { addHeaderScore: 6, quarantineScore: 9, rejectScore: 20, virusAction: "quarantine" as const };
const audits = (tenantId: string) => db.auditEvent.findMany({ where: { tenantId, action: { startsWith: "spam_policy." } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  owner = await createMailTenant({ name: "Owner" });
  other = await createMailTenant({ name: "Other" });
  user = sessionOfMailbox(await createMailbox(owner));
});

const customer = { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "FORBIDDEN" } as const;
describeMatrix<Who>(
  "spamPolicy router × callers",
  {
    get: (w) => api(who(w)).get(),
    update: (w) => api(who(w)).update(valid),
    reset: (w) => api(who(w)).reset(),
    ofTenant: (w) => api(who(w)).ofTenant({ tenantId: owner.tenant.id }),
  },
  {
    get: customer,
    update: customer,
    reset: customer,
    ofTenant: { anonymous: "UNAUTHORIZED", owner: "FORBIDDEN", other_tenant: "FORBIDDEN", reseller: "FORBIDDEN", operator: "ok", mailbox_user: "FORBIDDEN" },
  },
);

describe("a tenant's spam policy", () => {
  it("starts on the platform defaults, with the bounds to show", async () => {
    const t = await createMailTenant();
    const p = await api(t.admin).get();
    expect(p).toMatchObject({ ...DEFAULT_SPAM_POLICY, isDefault: true, updatedAt: null, defaults: DEFAULT_SPAM_POLICY });
    expect(p.bounds.rejectScore).toEqual({ min: 6, max: 100 });
  });

  it("saves valid thresholds, audits the change from/to, and the operator reads them; saving the same again is not audited", async () => {
    const t = await createMailTenant();
    const saved = await api(t.admin).update(valid);
    expect(saved).toMatchObject({ ...valid, isDefault: false });
    expect(saved.updatedAt).toBeInstanceOf(Date);
    expect(await api(operatorUser).ofTenant({ tenantId: t.tenant.id })).toMatchObject({ ...valid, isDefault: false });
    await api(t.admin).update(valid);
    await api(t.admin).update({ ...valid, rejectScore: 25.5 });
    const log = await audits(t.tenant.id);
    expect(log.map((a) => a.action)).toEqual(["spam_policy.update", "spam_policy.update"]);
    expect(log[0]).toMatchObject({ actorId: t.admin.id, targetType: "tenant", targetId: t.tenant.id, details: { from: null, to: valid } });
    expect(log[1]!.details).toEqual({ from: valid, to: { ...valid, rejectScore: 25.5 } });
  });

  it("resets to the platform defaults (the row goes, audited); resetting again does nothing", async () => {
    const t = await createMailTenant();
    await api(t.admin).update(valid);
    expect(await api(t.admin).reset()).toMatchObject({ ...DEFAULT_SPAM_POLICY, isDefault: true });
    expect(await db.spamPolicy.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    await api(t.admin).reset();
    expect((await audits(t.tenant.id)).map((a) => a.action)).toEqual(["spam_policy.update", "spam_policy.reset"]);
  });

  it("one tenant's change leaves another's alone", async () => {
    const a = await createMailTenant();
    const b = await createMailTenant();
    await api(a.admin).update(valid);
    expect(await api(b.admin).get()).toMatchObject({ isDefault: true });
  });

  it("an operator asking for an unknown tenant gets NOT_FOUND; an empty id is bad input", async () => {
    expect(await refusal(api(operatorUser).ofTenant({ tenantId: "no-such-tenant" }))).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
    expect(await refusal(api(operatorUser).ofTenant({ tenantId: " " }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("bad input writes nothing", () => {
  const cases: [string, object, Record<string, string[]>, Record<string, string[]>][] = [
    [
      "a threshold below its bound",
      { ...valid, addHeaderScore: 1 },
      { addHeaderScore: ["Mark as spam score must be between 2 and 30"] },
      { addHeaderScore: ["标记为垃圾邮件分数须在 2 到 30 之间"] },
    ],
    ["a threshold above its bound", { ...valid, rejectScore: 150 }, { rejectScore: ["Reject score must be between 6 and 100"] }, { rejectScore: ["拒收分数须在 6 到 100 之间"] }],
    [
      "quarantine below mark",
      { ...valid, addHeaderScore: 10, quarantineScore: 9 },
      { quarantineScore: ["Quarantine score must be at least the mark-as-spam score (10)"] },
      { quarantineScore: ["隔离分数不能低于标记为垃圾邮件的分数（10）"] },
    ],
    [
      "reject not above quarantine",
      { ...valid, quarantineScore: 20, rejectScore: 20 },
      { rejectScore: ["Reject score must be above the quarantine score (20)"] },
      { rejectScore: ["拒收分数须高于隔离分数（20）"] },
    ],
    ["too many decimals", { ...valid, quarantineScore: 9.001 }, { quarantineScore: ["Quarantine score may have at most two decimal places"] }, { quarantineScore: ["隔离分数最多保留两位小数"] }],
  ];

  it.each(cases)("%s: 400 with the field named, in English and Chinese", async (_name, input, en, zh) => {
    const t = await createMailTenant();
    await api(t.admin).update(valid);
    expect(await refusal(api(t.admin).update(input as typeof valid))).toEqual({ code: "BAD_REQUEST", message: "The spam thresholds are not valid", fieldErrors: en });
    expect(await refusal(api(t.admin, "zh-CN").update(input as typeof valid), "zh-CN")).toEqual({ code: "BAD_REQUEST", message: "垃圾邮件阈值填写有误", fieldErrors: zh });
    expect(await api(t.admin).get()).toMatchObject(valid);
    expect(await audits(t.tenant.id)).toHaveLength(1);
  });

  it("refuses a missing or non-numeric threshold and an unknown virus action before anything is read", async () => {
    const t = await createMailTenant();
    const bad = [
      { ...valid, rejectScore: "20" },
      { ...valid, addHeaderScore: undefined },
      { ...valid, quarantineScore: Number.POSITIVE_INFINITY },
      { ...valid, virusAction: "deliver" },
    ];
    for (const input of bad) {
      const r = await refusal(api(t.admin).update(input as unknown as typeof valid));
      expect(r.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.fieldErrors ?? {})).toHaveLength(1);
    }
    expect(await db.spamPolicy.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await audits(t.tenant.id)).toHaveLength(0);
  });

  it("a terminated (frozen) tenant cannot change its policy", async () => {
    const t = await createMailTenant();
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "frozen" } });
    expect(await refusal(api(t.admin).update(valid))).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.spamPolicy.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });
});
