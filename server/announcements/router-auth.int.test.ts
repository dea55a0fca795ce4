import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix, outcome, type Outcome } from "@/server/test/authz";
import { api, createAnnouncementWorld, input, operatorUser, type AnnouncementWorld } from "./announcement-test-fixtures";

// Every procedure of the announcements router × every kind of caller. Ids are the owner's
// (platform: the operators'; reseller: the sub-reseller's; tenant: the direct tenant's), so
// another reseller or tenant gets NOT_FOUND, never FORBIDDEN.
type Who = "anonymous" | "operator" | "top" | "sub" | "sibling" | "other" | "ownAdmin" | "otherAdmin" | "mailbox" | "otherMailbox";
let w: AnnouncementWorld;
let who: (x: Who) => SessionUser | null;

beforeAll(async () => {
  w = await createAnnouncementWorld("Authz");
  const users: Record<Exclude<Who, "anonymous">, SessionUser> = {
    operator: operatorUser,
    top: w.top.staff,
    sub: w.sub.staff,
    sibling: w.siblingSub.staff,
    other: w.other.staff,
    ownAdmin: w.directAdmin,
    otherAdmin: w.top.clientAdmin,
    mailbox: w.mailboxes.east,
    otherMailbox: w.mailboxes.ops,
  };
  who = (x) => (x === "anonymous" ? null : users[x]);
});

const as = (x: Who) => api(who(x));
const row = (ok: Who[], notFound: Who[] = []): Record<Who, Outcome> => {
  const all: Who[] = ["anonymous", "operator", "top", "sub", "sibling", "other", "ownAdmin", "otherAdmin", "mailbox", "otherMailbox"];
  return Object.fromEntries(all.map((x) => [x, x === "anonymous" ? "UNAUTHORIZED" : ok.includes(x) ? "ok" : notFound.includes(x) ? "NOT_FOUND" : "FORBIDDEN"])) as Record<Who, Outcome>;
};
const RESELLERS: Who[] = ["top", "sub", "sibling", "other"];
const PORTAL: Who[] = ["operator", ...RESELLERS, "ownAdmin", "otherAdmin"];

// Fresh owner's announcements: a draft, or a current one (for take-down).
const platformId = async (publishNow = false) => (await api(operatorUser).ops.create(input({ publishNow }))).id;
const subsId = async (publishNow = false) => (await api(w.sub.staff).reseller.create(input({ publishNow }))).id;
const tenantsId = async (publishNow = false) => (await api(w.directAdmin).tenant.create(input({ publishNow }))).id;
const edit = (id: string) => ({ ...input({ title: "改", publishNow: false }), id });

describeMatrix<Who>(
  "announcements.ops × callers",
  {
    list: (x) => as(x).ops.list({}),
    get: async (x) => as(x).ops.get({ id: await platformId() }),
    create: (x) => as(x).ops.create(input()),
    update: async (x) => as(x).ops.update(edit(await platformId())),
    publishNow: async (x) => as(x).ops.publishNow({ id: await platformId() }),
    takeDownNow: async (x) => as(x).ops.takeDownNow({ id: await platformId(true) }),
    delete: async (x) => as(x).ops.delete({ id: await platformId() }),
    resellerOptions: (x) => as(x).ops.resellerOptions({ search: "Authz" }),
  },
  Object.fromEntries(["list", "get", "create", "update", "publishNow", "takeDownNow", "delete", "resellerOptions"].map((p) => [p, row(["operator"])])),
);

const subsOnly = row(["sub"], ["top", "sibling", "other"]);
describeMatrix<Who>(
  "announcements.reseller × callers (the sub-reseller's announcements: its parent, sibling and others get NOT_FOUND)",
  {
    list: (x) => as(x).reseller.list({}),
    clientOptions: (x) => as(x).reseller.clientOptions(),
    create: (x) => as(x).reseller.create(input()),
    get: async (x) => as(x).reseller.get({ id: await subsId() }),
    update: async (x) => as(x).reseller.update(edit(await subsId())),
    publishNow: async (x) => as(x).reseller.publishNow({ id: await subsId() }),
    takeDownNow: async (x) => as(x).reseller.takeDownNow({ id: await subsId(true) }),
    delete: async (x) => as(x).reseller.delete({ id: await subsId() }),
  },
  { list: row(RESELLERS), clientOptions: row(RESELLERS), create: row(RESELLERS), get: subsOnly, update: subsOnly, publishNow: subsOnly, takeDownNow: subsOnly, delete: subsOnly },
);

const tenantsOnly = row(["ownAdmin"], ["otherAdmin"]);
describeMatrix<Who>(
  "announcements.tenant × callers (the direct tenant's announcements)",
  {
    list: (x) => as(x).tenant.list({}),
    create: (x) => as(x).tenant.create(input()),
    get: async (x) => as(x).tenant.get({ id: await tenantsId() }),
    update: async (x) => as(x).tenant.update(edit(await tenantsId())),
    publishNow: async (x) => as(x).tenant.publishNow({ id: await tenantsId() }),
    takeDownNow: async (x) => as(x).tenant.takeDownNow({ id: await tenantsId(true) }),
    delete: async (x) => as(x).tenant.delete({ id: await tenantsId() }),
  },
  { list: row(["ownAdmin", "otherAdmin"]), create: row(["ownAdmin", "otherAdmin"]), get: tenantsOnly, update: tenantsOnly, publishNow: tenantsOnly, takeDownNow: tenantsOnly, delete: tenantsOnly },
);

describeMatrix<Who>(
  "announcements.feed × callers (portal users; markRead only what the reader can see)",
  {
    current: (x) => as(x).feed.current({ limit: 5 }),
    history: (x) => as(x).feed.history({ page: 1, pageSize: 5 }),
    unreadCount: (x) => as(x).feed.unreadCount(),
    markReadTenantInternal: async (x) => as(x).feed.markRead({ id: await tenantsId(true) }),
    markReadForResellers: async (x) => as(x).feed.markRead({ id: (await api(operatorUser).ops.create(input({ audience: "resellers" }))).id }),
    markReadSubsClients: async (x) => as(x).feed.markRead({ id: await subsId(true) }),
  },
  {
    current: row(PORTAL),
    history: row(PORTAL),
    unreadCount: row(PORTAL),
    markReadTenantInternal: row(["ownAdmin"], ["operator", ...RESELLERS, "otherAdmin"]),
    markReadForResellers: row(["operator", ...RESELLERS], ["ownAdmin", "otherAdmin"]),
    // The sub-reseller's clients read it; its staff and every other reader do not.
    markReadSubsClients: row([], ["operator", ...RESELLERS, "ownAdmin", "otherAdmin"]),
  },
);

describeMatrix<Who>(
  "announcements.mailbox × callers (mailbox users; markRead only their tenant's, to their department)",
  {
    current: (x) => as(x).mailbox.current({ limit: 5 }),
    history: (x) => as(x).mailbox.history({ page: 1, pageSize: 5 }),
    unreadCount: (x) => as(x).mailbox.unreadCount(),
    markReadEast: async (x) => as(x).mailbox.markRead({ id: (await api(w.directAdmin).tenant.create(input({ audience: "departments", targetIds: [w.departments.east] }))).id }),
    markReadPlatform: async (x) => as(x).mailbox.markRead({ id: await platformId(true) }),
  },
  {
    current: row(["mailbox", "otherMailbox"]),
    history: row(["mailbox", "otherMailbox"]),
    unreadCount: row(["mailbox", "otherMailbox"]),
    markReadEast: row(["mailbox"], ["otherMailbox"]),
    markReadPlatform: row([], ["mailbox", "otherMailbox"]),
  },
);

describe("a reseller never reaches another's announcements", () => {
  it("a sub-reseller cannot touch its parent's, and refused callers change nothing", async () => {
    const parents = await api(w.top.staff).reseller.create(input({ publishNow: false }));
    const before = await db.announcement.findUniqueOrThrow({ where: { id: parents.id } });
    for (const x of ["sub", "sibling", "other"] as const) {
      expect(await outcome(() => as(x).reseller.update(edit(parents.id)))).toBe("NOT_FOUND");
      expect(await outcome(() => as(x).reseller.delete({ id: parents.id }))).toBe("NOT_FOUND");
      expect(await outcome(() => as(x).reseller.publishNow({ id: parents.id }))).toBe("NOT_FOUND");
    }
    expect(await db.announcement.findUniqueOrThrow({ where: { id: parents.id } })).toEqual(before);
    expect((await as("sub").reseller.list({})).rows.map((r) => r.id)).not.toContain(parents.id);
  });

  it("lists only the clients of the caller's tree as audience choices", async () => {
    expect((await as("top").reseller.clientOptions()).map((c) => c.id).sort()).toEqual([w.top.clientId, w.sub.clientId, w.siblingSub.clientId].sort());
    expect((await as("sub").reseller.clientOptions()).map((c) => c.id)).toEqual([w.sub.clientId]);
  });
});
