import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { operatorActor } from "@/server/billing/billing-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { cancelMaintenance } from "@/server/sla/maintenance/cancel-maintenance";
import { scheduleMaintenance } from "@/server/sla/maintenance/schedule-maintenance";
import { refusal } from "@/server/test/authz";
import { api, createAnnouncementWorld, input, operatorUser, type AnnouncementWorld } from "./announcement-test-fixtures";
import { createResellerTree } from "@/server/resellers/reseller-tree-fixtures";

// Scheduling both ways on the test clock, reads, the publisher's edits and the maintenance
// windows' announcements. Now is 2030-03-01 08:00 UTC unless a test moves it.
const T0 = new Date("2030-03-01T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
let restore: (() => void) | null = null;
const clockAt = (minutes: number) => {
  restore?.();
  restore = setClock(at(minutes));
};
afterEach(() => {
  restore?.();
  restore = null;
});

let w: AnnouncementWorld;
beforeAll(async () => {
  w = await createAnnouncementWorld("Life");
});

const ops = () => api(operatorUser).ops;
const adminFeed = () => api(w.directAdmin).feed;
const currentIds = async () => (await adminFeed().current({ limit: 50 })).items.map((a) => a.id);
const historyOf = async (id: string) => (await adminFeed().history({ page: 1, pageSize: 100 })).rows.find((a) => a.id === id);
const counts = async () => ({ announcements: await db.announcement.count(), targets: await db.announcementTarget.count(), audits: await db.auditEvent.count({ where: { action: { startsWith: "announcement." } } }) });

describe("scheduled both ways", () => {
  it("is hidden before its publish time, shown from it, and ended (in the history) from its take-down time", async () => {
    clockAt(0);
    const a = await ops().create(input({ audience: "tenants", publishNow: false, publishAt: iso(60), takeDownAt: iso(120) }));
    expect(a.state).toBe("scheduled");
    expect(await currentIds()).not.toContain(a.id);
    expect(await historyOf(a.id)).toBeUndefined();
    clockAt(59);
    expect(await currentIds()).not.toContain(a.id);
    clockAt(60);
    expect(await currentIds()).toContain(a.id);
    clockAt(119);
    expect(await currentIds()).toContain(a.id);
    expect((await ops().get({ id: a.id })).state).toBe("current");
    clockAt(120);
    expect(await currentIds()).not.toContain(a.id);
    expect(await historyOf(a.id)).toMatchObject({ state: "ended", takeDownAt: at(120) });
    expect((await ops().list({ state: "ended" })).rows.map((r) => r.id)).toContain(a.id);
  });

  it("a draft reaches no one until published now", async () => {
    clockAt(0);
    const d = await ops().create(input({ publishNow: false }));
    expect(d).toMatchObject({ state: "draft", publishAt: null });
    expect(await currentIds()).not.toContain(d.id);
    expect((await ops().list({ state: "draft" })).rows.map((r) => r.id)).toContain(d.id);
    clockAt(5);
    const p = await ops().publishNow({ id: d.id });
    expect(p).toMatchObject({ state: "current", publishAt: at(5) });
    expect(await currentIds()).toContain(d.id);
    expect((await ops().publishNow({ id: d.id })).publishAt).toEqual(at(5)); // a retried click publishes once
    expect(await db.auditEvent.count({ where: { action: "announcement.publish", targetId: d.id } })).toBe(1);
  });

  it("refuses a take-down at or before the publish time, or in the past, on the field, writing nothing", async () => {
    clockAt(0);
    const before = await counts();
    expect(await refusal(ops().create(input({ publishNow: false, publishAt: iso(60), takeDownAt: iso(60) })))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The take-down time must be after the publish time",
      fieldErrors: { takeDownAt: ["The take-down time must be after the publish time"] },
    });
    expect(await refusal(ops().create(input({ publishNow: false, publishAt: iso(60), takeDownAt: iso(30) })))).toMatchObject({ fieldErrors: { takeDownAt: ["The take-down time must be after the publish time"] } });
    expect(await refusal(ops().create(input({ takeDownAt: iso(-1) })))).toMatchObject({ fieldErrors: { takeDownAt: ["The take-down time has already passed"] } });
    expect(await refusal(ops().create(input({ publishNow: false, publishAt: iso(-10) })))).toMatchObject({ fieldErrors: { publishAt: [expect.stringContaining("already passed")] } });
    const bad = await refusal(ops().create(input({ title: " ", body: "<script>alert(1)</script>", takeDownAt: iso(-1) })), "zh-CN");
    expect(bad).toMatchObject({ code: "BAD_REQUEST", message: "公告填写有误", fieldErrors: { title: [expect.any(String)], body: ["请填写公告内容"], takeDownAt: ["下线时间已经过去"] } });
    expect(await counts()).toEqual(before);
  });

  it("sanitises the body on write and again on read", async () => {
    clockAt(0);
    const a = await ops().create(input({ body: '<p onclick="x()">Hi <a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p><script>bad()</script>' }));
    expect(a.body).toBe('<p>Hi <a rel="noopener noreferrer">x</a></p>');
    // A row written around the use cases (an old row, a manual fix) is still cleaned on the way out.
    await db.announcement.update({ where: { id: a.id }, data: { body: '<p style="x">Hi</p><script>bad()</script>' } });
    expect((await adminFeed().current({ limit: 50 })).items.find((i) => i.id === a.id)?.body).toBe("<p>Hi</p>");
  });
});

describe("reads", () => {
  it("marks read once (idempotent), lowers the unread count, and refuses what the reader cannot see", async () => {
    clockAt(0);
    const a = await api(w.directAdmin).tenant.create(input({ audience: "departments", targetIds: [w.departments.east] }));
    const east = api(w.mailboxes.east).mailbox;
    const unread = await east.unreadCount();
    expect((await east.current({ limit: 50 })).items.find((i) => i.id === a.id)?.read).toBe(false);
    await east.markRead({ id: a.id });
    await east.markRead({ id: a.id });
    expect(await east.unreadCount()).toBe(unread - 1);
    expect((await east.current({ limit: 50 })).items.find((i) => i.id === a.id)?.read).toBe(true);
    expect(await db.announcementRead.count({ where: { announcementId: a.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "announcement.read", targetId: a.id } })).toBe(1);
    // Reads are per reader: the admin has not read it.
    expect((await adminFeed().current({ limit: 50 })).items.find((i) => i.id === a.id)?.read).toBe(false);
    expect((await refusal(api(w.mailboxes.ops).mailbox.markRead({ id: a.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(api(w.top.clientAdmin).feed.markRead({ id: a.id }))).code).toBe("NOT_FOUND");
    const draft = await ops().create(input({ publishNow: false }));
    expect((await refusal(adminFeed().markRead({ id: draft.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(adminFeed().markRead({ id: "nope" }))).code).toBe("NOT_FOUND");
  });
});

describe("the publisher's edits", () => {
  it("returns the first announcement for a retried request id, and refuses the id for a different one", async () => {
    clockAt(0);
    const first = input();
    const a = await ops().create(first);
    const before = await counts();
    const again = await Promise.all([ops().create(first), ops().create(first)]);
    expect(again.map((r) => r.id)).toEqual([a.id, a.id]);
    expect(await counts()).toEqual(before);
    expect((await refusal(ops().create({ ...first, title: "另一条" }))).code).toBe("CONFLICT");
    // Another publisher's same request id is its own.
    expect((await api(w.top.staff).reseller.create({ ...first })).id).not.toBe(a.id);
  });

  it("edits a scheduled one wholly, a current one only in title, text and take-down, an ended one not at all", async () => {
    clockAt(0);
    const a = await ops().create(input({ publishNow: false, publishAt: iso(30) }));
    const edited = await ops().update({ ...input({ title: "改过", level: "urgent", audience: "resellers", publishNow: false, publishAt: iso(40), takeDownAt: iso(90) }), id: a.id });
    expect(edited).toMatchObject({ title: "改过", level: "urgent", audience: "resellers", publishAt: at(40), takeDownAt: at(90), state: "scheduled" });
    clockAt(45);
    const live = { ...input({ title: "在线修改", level: "urgent", audience: "resellers", publishNow: false, publishAt: iso(40), takeDownAt: iso(100) }), id: a.id };
    expect(await ops().update(live)).toMatchObject({ title: "在线修改", takeDownAt: at(100), state: "current" });
    expect((await refusal(ops().update({ ...live, level: "notice" }))).code).toBe("CONFLICT");
    expect((await refusal(ops().update({ ...live, publishAt: iso(50) }))).code).toBe("CONFLICT");
    const down = await ops().takeDownNow({ id: a.id });
    expect(down).toMatchObject({ state: "ended", takeDownAt: at(45) });
    expect((await refusal(ops().update(live))).code).toBe("CONFLICT");
    expect((await refusal(ops().publishNow({ id: a.id }))).code).toBe("CONFLICT");
    const audits = await db.auditEvent.findMany({ where: { targetId: a.id }, orderBy: { occurredAt: "asc" } });
    expect(audits.map((e) => e.action)).toEqual(["announcement.create", "announcement.update", "announcement.update", "announcement.take_down"]);
  });

  it("keeps a client that moved to another reseller unnamed on its old reseller's page, and still lets the title be edited", async () => {
    clockAt(0);
    const moving = await createResellerTree("Moving");
    const reseller = api(moving.top.staff).reseller;
    const a = await reseller.create(input({ audience: "chosen_tenants", targetIds: [moving.top.clientId] }));
    await db.tenant.update({ where: { id: moving.top.clientId }, data: { resellerId: moving.other.resellerId } });
    const row = (await reseller.list({})).rows.find((r) => r.id === a.id)!;
    expect(row.targets).toEqual([{ id: moving.top.clientId, name: "—" }]);
    const edited = await reseller.update({ ...input({ title: "改标题", audience: "chosen_tenants", targetIds: [moving.top.clientId], publishNow: false, publishAt: a.publishAt!.toISOString() }), id: a.id });
    expect(edited.title).toBe("改标题");
    // The moved client reads only its new reseller's announcements.
    expect((await api(moving.top.clientAdmin).feed.current({ limit: 50 })).items.map((i) => i.id)).not.toContain(a.id);
  });

  it("deletes in any state: gone from homes, histories and the publisher's list; a second delete is a no-op", async () => {
    clockAt(0);
    const a = await api(w.directAdmin).tenant.create(input());
    expect((await api(w.mailboxes.none).mailbox.history({})).rows.map((r) => r.id)).toContain(a.id);
    await api(w.directAdmin).tenant.delete({ id: a.id });
    await api(w.directAdmin).tenant.delete({ id: a.id });
    expect((await api(w.mailboxes.none).mailbox.history({})).rows.map((r) => r.id)).not.toContain(a.id);
    expect(await currentIds()).not.toContain(a.id);
    expect((await api(w.directAdmin).tenant.list({})).rows.map((r) => r.id)).not.toContain(a.id);
    expect((await refusal(api(w.directAdmin).tenant.get({ id: a.id }))).code).toBe("NOT_FOUND");
    expect(await db.auditEvent.findFirst({ where: { action: "announcement.delete", targetId: a.id } })).toMatchObject({ tenantId: w.directId, actorId: w.directAdmin.id });
  });

  it("lists with filters and paging", async () => {
    clockAt(0);
    await ops().create(input({ level: "urgent", audience: "resellers" }));
    const urgent = await ops().list({ level: "urgent", audience: "resellers", page: 1, pageSize: 1 });
    expect(urgent.rows).toHaveLength(1);
    expect(urgent.rows[0]).toMatchObject({ level: "urgent", audience: "resellers" });
    expect((await ops().list({ state: "current" })).rows.every((r) => r.state === "current")).toBe(true);
  });
});

describe("maintenance windows' announcements", () => {
  it("show on homes, cannot be edited here, and leave the homes when the window is cancelled", async () => {
    clockAt(0);
    const { window } = await scheduleMaintenance(operatorActor, { startsAt: at(48 * 60), endsAt: at(49 * 60), description: "Upgrading the store", idempotencyKey: randomUUID() });
    const id = window.announcement!.id;
    expect(await currentIds()).toContain(id);
    expect((await api(w.top.staff).feed.current({ limit: 50 })).items.find((i) => i.id === id)).toMatchObject({ level: "maintenance", from: "platform" });
    expect((await ops().get({ id })).maintenance).toBe(true);
    expect((await refusal(ops().takeDownNow({ id }))).code).toBe("CONFLICT");
    expect((await refusal(ops().delete({ id }))).code).toBe("CONFLICT");
    clockAt(10);
    await cancelMaintenance(operatorActor, { id: window.id, reason: "Postponed by the vendor" });
    expect(await currentIds()).not.toContain(id);
    expect(await historyOf(id)).toMatchObject({ state: "ended", title: expect.stringContaining("已取消") });
  });
});
