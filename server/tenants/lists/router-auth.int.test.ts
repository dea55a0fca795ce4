import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix, outcome } from "@/server/test/authz";
import {
  consoleCaller,
  consoleWriteCounts,
  createConsoleTenant,
  customerRow,
  matrixCallers,
  ownersOnlyRow,
  seedMailboxes,
  uniqueLocalPart,
  type ConsoleTenant,
  type Who,
} from "../tenant-test-fixtures";
import { ZAddListEntryRequest } from "./add-list-entry.types";
import { ZCreateListRequest, ZListIdRequest } from "./create-list.types";

// Each procedure of listsRouter × each kind of caller. Every id named is the owner's, so
// "other_tenant" shows another tenant's list, domain or mailbox is NOT_FOUND, never FORBIDDEN.
let owner: ConsoleTenant;
let other: ConsoleTenant;
let who: (w: Who) => SessionUser | null;
let listId: string;
let mailboxId: string;

const lists = (w: Who) => consoleCaller(who(w)).lists;
const newList = async () => (await lists("owner").create({ domainId: owner.domain.id, localPart: uniqueLocalPart("l"), name: "北京分公司", policy: "anyone" })).id;

beforeAll(async () => {
  owner = await createConsoleTenant({ name: "Owner" });
  other = await createConsoleTenant({ name: "Other" });
  who = matrixCallers(owner.admin, other.admin);
  listId = await newList();
  mailboxId = (await seedMailboxes(owner, 1))[0]!;
});

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => lists(w).list(),
  get: (w) => lists(w).get({ listId }),
  // The owner's domain: another tenant may not put an address on it.
  create: (w) => lists(w).create({ domainId: owner.domain.id, localPart: uniqueLocalPart("c"), name: "x", policy: "organisation" }),
  update: (w) => lists(w).update({ listId, name: "新名称", policy: "senders_only" }),
  delete: async (w) => lists(w).delete({ listId: await newList() }),
  addEntry: (w) => lists(w).addEntry({ listId, role: "member", address: `${uniqueLocalPart("m")}@outside.example` }),
  removeEntry: async (w) => {
    const entry = await lists("owner").addEntry({ listId, role: "sender", address: `${uniqueLocalPart("s")}@outside.example` });
    return lists(w).removeEntry({ listId, entryId: entry.id });
  },
  memberCandidates: (w) => lists(w).memberCandidates({}),
};

describeMatrix<Who>("lists × callers", calls, {
  list: customerRow,
  get: ownersOnlyRow,
  create: ownersOnlyRow,
  update: ownersOnlyRow,
  delete: ownersOnlyRow,
  addEntry: ownersOnlyRow,
  removeEntry: ownersOnlyRow,
  memberCandidates: customerRow,
});

describe("a tenant admin reaches only their own tenant's lists and mailboxes", () => {
  it("has no tenant id in any input", () => {
    for (const schema of [ZCreateListRequest, ZListIdRequest, ZAddListEntryRequest]) expect(Object.keys(schema.shape)).not.toContain("tenantId");
  });

  it("cannot add another tenant's mailbox to their own list (NOT_FOUND), as member or sender", async () => {
    const ownList = (await lists("other_tenant").create({ domainId: other.domain.id, localPart: uniqueLocalPart("o"), name: "o", policy: "anyone" })).id;
    const before = await consoleWriteCounts();
    for (const role of ["member", "sender"] as const) expect(await outcome(() => lists("other_tenant").addEntry({ listId: ownList, role, mailboxId }))).toBe("NOT_FOUND");
    expect(await consoleWriteCounts()).toEqual(before);
  });

  it("cannot remove an entry of another tenant's list through a list of their own", async () => {
    const entry = await lists("owner").addEntry({ listId, role: "member", address: `${uniqueLocalPart("k")}@outside.example` });
    const ownList = (await lists("other_tenant").create({ domainId: other.domain.id, localPart: uniqueLocalPart("o"), name: "o", policy: "anyone" })).id;
    expect(await lists("other_tenant").removeEntry({ listId: ownList, entryId: entry.id })).toEqual({ removed: null });
    expect(await db.mailingListEntry.count({ where: { id: entry.id } })).toBe(1);
  });

  it("sees neither another tenant's lists nor its mailboxes as candidates", async () => {
    const rows = (await lists("other_tenant").list()).rows;
    expect(rows.map((r) => r.id)).not.toContain(listId);
    expect((await lists("other_tenant").memberCandidates({})).map((c) => c.id)).not.toContain(mailboxId);
    expect((await lists("owner").memberCandidates({})).map((c) => c.id)).toContain(mailboxId);
  });

  it("refused callers write nothing", async () => {
    const before = await consoleWriteCounts();
    for (const w of ["anonymous", "reseller", "operator", "other_tenant"] as const) {
      await outcome(() => lists(w).update({ listId, name: "hacked", policy: "anyone" }));
      await outcome(() => lists(w).delete({ listId }));
      await outcome(() => lists(w).addEntry({ listId, role: "member", address: "x@outside.example" }));
      await outcome(() => lists(w).create({ domainId: owner.domain.id, localPart: uniqueLocalPart(), name: "x", policy: "anyone" }));
    }
    expect(await consoleWriteCounts()).toEqual(before);
    expect((await db.mailingList.findUniqueOrThrow({ where: { id: listId } })).name).not.toBe("hacked");
  });
});
