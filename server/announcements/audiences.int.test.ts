import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { refusal } from "@/server/test/authz";
import { api, createAnnouncementWorld, input, operatorUser, type AnnouncementWorld } from "./announcement-test-fixtures";

// Each audience × each kind of reader: who finds the announcement on their home (feed.current
// for portal users, mailbox.current for mailbox users) and who does not.
let w: AnnouncementWorld;
let readers: Record<string, SessionUser>;

beforeAll(async () => {
  w = await createAnnouncementWorld("Aud");
  readers = {
    operator: operatorUser,
    topStaff: w.top.staff,
    subStaff: w.sub.staff,
    otherStaff: w.other.staff,
    topClient: w.top.clientAdmin,
    subClient: w.sub.clientAdmin,
    siblingClient: w.siblingSub.clientAdmin,
    otherClient: w.other.clientAdmin,
    directAdmin: w.directAdmin,
    mailboxEast: w.mailboxes.east,
    mailboxOps: w.mailboxes.ops,
    mailboxNone: w.mailboxes.none,
    mailboxTopClient: w.mailboxes.topClient,
  };
});

async function whoSees(id: string): Promise<string[]> {
  const seen: string[] = [];
  for (const [name, user] of Object.entries(readers)) {
    const feed = user.role === "mailbox_user" ? await api(user).mailbox.current({ limit: 50 }) : await api(user).feed.current({ limit: 50 });
    if (feed.items.some((a) => a.id === id)) seen.push(name);
  }
  return seen.sort();
}

const ADMINS = ["directAdmin", "otherClient", "siblingClient", "subClient", "topClient"];
const STAFF = ["otherStaff", "subStaff", "topStaff"];

describe("platform announcements reach portal users by audience, never mailbox users", () => {
  it.each([
    ["all", {}, ["operator", ...STAFF, ...ADMINS]],
    ["tenants", {}, ["operator", ...ADMINS]],
    ["resellers", {}, ["operator", ...STAFF]],
  ] as const)("%s", async (audience, _extra, expected) => {
    const a = await api(operatorUser).ops.create(input({ audience }));
    expect(await whoSees(a.id)).toEqual([...expected].sort());
  });

  it("reseller_clients of the top reseller: its clients and its sub-resellers' clients", async () => {
    const a = await api(operatorUser).ops.create(input({ audience: "reseller_clients", audienceResellerId: w.top.resellerId }));
    expect(await whoSees(a.id)).toEqual(["operator", "siblingClient", "subClient", "topClient"]);
    expect(a.audienceReseller?.name).toBe("Aud top");
  });

  it("reseller_clients of a sub-reseller: its clients only", async () => {
    const a = await api(operatorUser).ops.create(input({ audience: "reseller_clients", audienceResellerId: w.sub.resellerId }));
    expect(await whoSees(a.id)).toEqual(["operator", "subClient"]);
  });

  it("chosen_tenants: those tenants' admins only", async () => {
    const a = await api(operatorUser).ops.create(input({ audience: "chosen_tenants", targetIds: [w.siblingSub.clientId, w.directId, w.directId] }));
    expect(await whoSees(a.id)).toEqual(["directAdmin", "operator", "siblingClient"]);
    expect(a.targets.map((t) => t.id).sort()).toEqual([w.siblingSub.clientId, w.directId].sort());
  });

  it("refuses a missing reseller or tenant, and audiences that need a choice without one, on the field", async () => {
    expect(await refusal(api(operatorUser).ops.create(input({ audience: "reseller_clients" })))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { audienceResellerId: [expect.any(String)] } });
    expect(await refusal(api(operatorUser).ops.create(input({ audience: "reseller_clients", audienceResellerId: "nope" })))).toMatchObject({ code: "NOT_FOUND", fieldErrors: { audienceResellerId: ["Reseller not found"] } });
    expect(await refusal(api(operatorUser).ops.create(input({ audience: "chosen_tenants", targetIds: [] })))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { targetIds: ["Choose at least one tenant"] } });
    expect(await refusal(api(operatorUser).ops.create(input({ audience: "chosen_tenants", targetIds: [w.directId, "nope"] })))).toMatchObject({ code: "NOT_FOUND", fieldErrors: { targetIds: ["A chosen tenant was not found"] } });
    expect(await refusal(api(operatorUser).ops.create(input({ audience: "departments" })))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { audience: [expect.any(String)] } });
  });
});

describe("reseller announcements reach the clients of its tree", () => {
  it("the top reseller's 'all': its clients and its sub-resellers' clients, not resellers nor other clients", async () => {
    const a = await api(w.top.staff).reseller.create(input());
    expect(await whoSees(a.id)).toEqual(["siblingClient", "subClient", "topClient"]);
  });

  it("a sub-reseller's 'all': its own clients only (not its parent's, not its sibling's)", async () => {
    const a = await api(w.sub.staff).reseller.create(input());
    expect(await whoSees(a.id)).toEqual(["subClient"]);
  });

  it("chosen_tenants within the tree: those tenants only", async () => {
    const a = await api(w.top.staff).reseller.create(input({ audience: "chosen_tenants", targetIds: [w.sub.clientId] }));
    expect(await whoSees(a.id)).toEqual(["subClient"]);
  });

  it.each([
    ["another reseller's client", () => w.top.staff, () => w.other.clientId],
    ["a direct tenant", () => w.top.staff, () => w.directId],
    ["its parent's client (sub-reseller)", () => w.sub.staff, () => w.top.clientId],
    ["its sibling's client (sub-reseller)", () => w.sub.staff, () => w.siblingSub.clientId],
  ])("refuses %s among the chosen tenants with NOT_FOUND, writing nothing", async (_what, staff, tenantId) => {
    const before = (await api(staff()).reseller.list({})).total;
    const r = await refusal(api(staff()).reseller.create(input({ audience: "chosen_tenants", targetIds: [w.top.clientId, tenantId()].filter((id, i, all) => all.indexOf(id) === i) })));
    expect(r).toMatchObject({ code: "NOT_FOUND", message: "A chosen tenant was not found" });
    expect((await api(staff()).reseller.list({})).total).toBe(before);
  });

  it("refuses the platform-only audiences", async () => {
    for (const audience of ["tenants", "resellers", "reseller_clients", "departments"] as const) {
      expect((await refusal(api(w.top.staff).reseller.create(input({ audience })))).code).toBe("BAD_REQUEST");
    }
  });
});

describe("tenant announcements reach the tenant's members", () => {
  it("'all': every mailbox user of the tenant and its admins", async () => {
    const a = await api(w.directAdmin).tenant.create(input());
    expect(await whoSees(a.id)).toEqual(["directAdmin", "mailboxEast", "mailboxNone", "mailboxOps"]);
  });

  it("a department: the members of it and of the departments under it", async () => {
    const a = await api(w.directAdmin).tenant.create(input({ audience: "departments", targetIds: [w.departments.sales] }));
    expect(await whoSees(a.id)).toEqual(["directAdmin", "mailboxEast"]);
    expect(a.targets).toEqual([{ id: w.departments.sales, name: "Sales" }]);
    const ops = await api(w.directAdmin).tenant.create(input({ audience: "departments", targetIds: [w.departments.ops] }));
    expect(await whoSees(ops.id)).toEqual(["directAdmin", "mailboxOps"]);
  });

  it("refuses another tenant's department with NOT_FOUND, and platform audiences", async () => {
    const r = await refusal(api(w.directAdmin).tenant.create(input({ audience: "departments", targetIds: [w.departments.otherTenants] })));
    expect(r).toMatchObject({ code: "NOT_FOUND", fieldErrors: { targetIds: ["A chosen department was not found"] } });
    expect((await refusal(api(w.directAdmin).tenant.create(input({ audience: "chosen_tenants", targetIds: [w.directId] })))).code).toBe("BAD_REQUEST");
  });
});
