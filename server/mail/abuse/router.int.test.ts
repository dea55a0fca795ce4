import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { createMailbox, createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { describeMatrix, refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { OUTBOUND_SPAM_ALERT, recordOutboundSpam } from "./record-outbound-spam";

// abuse.* × every kind of caller, then lifting, suspending by hand, acknowledging and listing.
type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";

let owner: MailTenant;
let other: MailTenant;
let user: SessionUser;
let alertId: string;
let mailboxId: string;
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner: owner.admin, other_tenant: other.admin, reseller: resellerUser, operator: operatorUser, mailbox_user: user }[w];
const api = (u: SessionUser | null) => createCaller(makeContext(u)).abuse;

let restoreClock: (() => void) | null = null;
const pin = (d: Date) => {
  restoreClock?.();
  restoreClock = setClock(d);
};
afterEach(() => {
  restoreClock?.();
  restoreClock = null;
});

const t0 = new Date("2026-11-27T08:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** A mailbox of `t` suspended by the abuse limit (2 hits an hour here), with its alert. */
async function suspendedBox(t: MailTenant, when = at(0)) {
  const box = await createMailbox(t);
  pin(when);
  for (let i = 0; i < 2; i++) await recordOutboundSpam({ mailboxId: box.id, tenantId: t.tenant.id, messageId: null, score: 20, symbols: ["GTUBE"] });
  const alert = await db.operatorAlert.findFirstOrThrow({ where: { mailboxId: box.id } });
  return { box, alert };
}

beforeAll(async () => {
  process.env.ABUSE_SPAM_PER_HOUR = "2";
  process.env.SMTP_URL = "smtp://127.0.0.1:1"; // the operators' e-mail is record-outbound-spam's test
  resetEnvCache();
  owner = await createMailTenant({ name: "Owner" });
  other = await createMailTenant({ name: "Other" });
  user = sessionOfMailbox(await createMailbox(owner));
  const s = await suspendedBox(owner);
  alertId = s.alert.id;
  mailboxId = s.box.id;
});

const operatorOnly = { anonymous: "UNAUTHORIZED", owner: "FORBIDDEN", other_tenant: "FORBIDDEN", reseller: "FORBIDDEN", operator: "ok", mailbox_user: "FORBIDDEN" } as const;
describeMatrix<Who>(
  "abuse router × callers",
  {
    alerts: (w) => api(who(w)).alerts({}),
    acknowledge: (w) => api(who(w)).acknowledge({ alertId }),
    liftSuspension: (w) => api(who(w)).liftSuspension({ mailboxId }),
    suspendSending: (w) => api(who(w)).suspendSending({ mailboxId, reason: "complaint" }),
    suspendedMailboxes: (w) => api(who(w)).suspendedMailboxes(),
  },
  {
    alerts: operatorOnly,
    acknowledge: operatorOnly,
    liftSuspension: operatorOnly,
    suspendSending: operatorOnly,
    suspendedMailboxes: { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "FORBIDDEN" },
  },
);

describe("lifting a suspension", () => {
  it("clears the fields, forgets the hits before it, acknowledges the alert and is audited; one more hit does not suspend again", async () => {
    const t = await createMailTenant();
    const { box, alert } = await suspendedBox(t);
    pin(at(5));
    const lifted = await api(operatorUser).liftSuspension({ mailboxId: box.id });
    expect(lifted).toEqual({ mailboxId: box.id, address: box.address, sendingSuspendedAt: null, sendingSuspendedReason: null });
    expect(await db.mailbox.findUniqueOrThrow({ where: { id: box.id } })).toMatchObject({ sendingSuspendedAt: null, sendingSuspendedReason: null });
    expect(await db.outboundSpamHit.count({ where: { mailboxId: box.id } })).toBe(0);
    expect(await db.operatorAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ acknowledgedAt: at(5), acknowledgedBy: operatorUser.email });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "mailbox.sending_lift", targetId: box.id } });
    expect(audit).toMatchObject({ tenantId: t.tenant.id, actorId: operatorUser.id, details: { address: box.address, hitsCleared: 2, alertsAcknowledged: 1 } });

    // Within the same hour: the old hits no longer count, so one more does not suspend…
    pin(at(10));
    expect(await recordOutboundSpam({ mailboxId: box.id, tenantId: t.tenant.id, messageId: null, score: 20, symbols: [] })).toEqual({ suspended: false });
    // …but a new run of them does, with a second alert.
    expect(await recordOutboundSpam({ mailboxId: box.id, tenantId: t.tenant.id, messageId: null, score: 20, symbols: [] })).toEqual({ suspended: true });
    expect(await db.operatorAlert.count({ where: { mailboxId: box.id } })).toBe(2);
  });

  it("changes nothing for a mailbox that is not suspended, and refuses an unknown one", async () => {
    const t = await createMailTenant();
    const box = await createMailbox(t);
    expect(await api(operatorUser).liftSuspension({ mailboxId: box.id })).toMatchObject({ sendingSuspendedAt: null });
    expect(await db.auditEvent.count({ where: { action: "mailbox.sending_lift", targetId: box.id } })).toBe(0);
    expect(await refusal(api(operatorUser).liftSuspension({ mailboxId: "no-such-mailbox" }))).toMatchObject({ code: "NOT_FOUND", message: "Mailbox not found" });
    expect(await refusal(api(operatorUser).liftSuspension({ mailboxId: "" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { mailboxId: ["Mailbox is required"] } });
  });
});

describe("suspending by hand", () => {
  it("suspends with the operator's reason, audited; a second time keeps the first", async () => {
    const t = await createMailTenant();
    const box = await createMailbox(t);
    pin(at(0));
    expect(await api(operatorUser).suspendSending({ mailboxId: box.id, reason: "  complaint from a partner " })).toMatchObject({
      sendingSuspendedAt: at(0),
      sendingSuspendedReason: "By an operator: complaint from a partner",
    });
    pin(at(1));
    expect(await api(operatorUser).suspendSending({ mailboxId: box.id, reason: "again" })).toMatchObject({ sendingSuspendedAt: at(0) });
    expect(await db.auditEvent.count({ where: { action: "mailbox.sending_suspend", targetId: box.id } })).toBe(1);
    expect((await api(t.admin).suspendedMailboxes()).map((m) => m.id)).toEqual([box.id]);
  });

  it("refuses a missing or too long reason and an unknown mailbox, writing nothing", async () => {
    const t = await createMailTenant();
    const box = await createMailbox(t);
    expect(await refusal(api(operatorUser).suspendSending({ mailboxId: box.id, reason: " " }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: ["Give a reason of at least 3 characters"] } });
    expect(await refusal(api(operatorUser).suspendSending({ mailboxId: box.id, reason: "x".repeat(201) }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(api(operatorUser).suspendSending({ mailboxId: "nope", reason: "complaint" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.mailbox.findUniqueOrThrow({ where: { id: box.id } })).toMatchObject({ sendingSuspendedAt: null });
    expect(await db.auditEvent.count({ where: { action: "mailbox.sending_suspend" , targetId: box.id } })).toBe(0);
  });
});

describe("a tenant admin sees only their own suspended mailboxes", () => {
  it("lists the owner's suspended mailbox to the owner, not to another tenant", async () => {
    const t = await createMailTenant();
    const { box } = await suspendedBox(t);
    expect((await api(t.admin).suspendedMailboxes()).map((m) => m.address)).toEqual([box.address]);
    expect((await api(other.admin).suspendedMailboxes()).map((m) => m.id)).not.toContain(box.id);
  });
});

describe("alerts", () => {
  it("lists open alerts first (newest first), then acknowledged ones, with tenant and mailbox", async () => {
    const t = await createMailTenant({ name: "警报企业" });
    const first = await suspendedBox(t, at(100));
    const second = await suspendedBox(t, at(200));
    const third = await suspendedBox(t, at(300));
    await api(operatorUser).acknowledge({ alertId: third.alert.id });
    const page = await api(operatorUser).alerts({ pageSize: 100 });
    const ids = page.rows.map((r) => r.id);
    expect(ids.indexOf(second.alert.id)).toBeLessThan(ids.indexOf(first.alert.id));
    expect(ids.indexOf(first.alert.id)).toBeLessThan(ids.indexOf(third.alert.id));
    const firstOpenAcked = page.rows.findIndex((r) => r.acknowledgedAt !== null);
    expect(page.rows.slice(firstOpenAcked).every((r) => r.acknowledgedAt !== null)).toBe(true);
    expect(page.open).toBe(page.rows.filter((r) => r.acknowledgedAt === null).length);
    const row = page.rows.find((r) => r.id === second.alert.id)!;
    expect(row).toMatchObject({ kind: OUTBOUND_SPAM_ALERT, tenant: { id: t.tenant.id, name: "警报企业" }, mailbox: { id: second.box.id, address: second.box.address } });
    expect(row.mailbox?.sendingSuspendedAt).toEqual(at(200));
    const open = await api(operatorUser).alerts({ show: "open", pageSize: 100 });
    expect(open.rows.every((r) => r.acknowledgedAt === null)).toBe(true);
    expect(open.total).toBe(page.open);
  });

  it("acknowledges once: a second acknowledgement keeps the first's time and is not audited again", async () => {
    const t = await createMailTenant();
    const { alert } = await suspendedBox(t);
    pin(at(30));
    const a = await api(operatorUser).acknowledge({ alertId: alert.id });
    pin(at(40));
    const b = await api({ ...operatorUser, id: "ops-2", email: "ops2@example.test" }).acknowledge({ alertId: alert.id });
    expect(a).toEqual({ id: alert.id, acknowledgedAt: at(30), acknowledgedBy: operatorUser.email });
    expect(b).toEqual(a);
    expect(await db.auditEvent.count({ where: { action: "alert.acknowledge", targetId: alert.id } })).toBe(1);
  });

  it("refuses an unknown alert and bad paging", async () => {
    expect(await refusal(api(operatorUser).acknowledge({ alertId: "no-such-alert" }))).toMatchObject({ code: "NOT_FOUND", message: "Alert not found" });
    expect(await refusal(api(operatorUser).alerts({ page: 0 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(api(operatorUser).alerts({ pageSize: 1000 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(api(operatorUser).alerts({ show: "closed" as "open" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
