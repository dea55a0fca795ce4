import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { describeMatrix, outcome } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { consoleWriteCounts, createConsoleTenant, customerRow, matrixCallers, ownersOnlyRow, seedMailboxes, uniqueLocalPart, type ConsoleTenant, type Who } from "../tenant-test-fixtures";
import { mailboxesRouter } from "./router";

// Each procedure of mailboxesRouter (aliases included) × each kind of caller; every id is the
// owner's, so "other_tenant" shows another tenant's mailbox or domain is NOT_FOUND.
let who: (w: Who) => SessionUser | null;
let owner: ConsoleTenant;
let mailboxId: string;
const api = (w: Who) => createCallerFactory(mailboxesRouter)(makeContext(who(w)));
const ownerMailbox = async () => (await seedMailboxes(owner, 1))[0]!;
const PASSWORD = "Welcome-2026";

beforeAll(async () => {
  owner = await createConsoleTenant({ name: "Owner", seats: 100 });
  const other = await createConsoleTenant({ name: "Other" });
  who = matrixCallers(owner.admin, other.admin);
  mailboxId = await ownerMailbox();
});

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => api(w).list({}),
  seats: (w) => api(w).seats(),
  create: (w) => api(w).create({ domainId: owner.domain.id, localPart: uniqueLocalPart("c"), displayName: "x", password: PASSWORD }),
  update: (w) => api(w).update({ mailboxId, displayName: "新名字" }),
  setStatus: (w) => api(w).setStatus({ mailboxId, status: "active" }),
  resetPassword: (w) => api(w).resetPassword({ mailboxId, password: PASSWORD }),
  delete: async (w) => api(w).delete({ mailboxId: await ownerMailbox() }),
  aliases: (w) => api(w).aliases({ mailboxId }),
  addAlias: async (w) => api(w).addAlias({ mailboxId: await ownerMailbox(), domainId: owner.domain.id, localPart: uniqueLocalPart("a") }),
  removeAlias: async (w) => {
    const id = await ownerMailbox();
    const { address } = await api("owner").addAlias({ mailboxId: id, domainId: owner.domain.id, localPart: uniqueLocalPart("r") });
    return api(w).removeAlias({ mailboxId: id, address });
  },
};

describeMatrix<Who>("mailboxes × callers", calls, {
  list: customerRow,
  seats: customerRow,
  create: ownersOnlyRow,
  update: ownersOnlyRow,
  setStatus: ownersOnlyRow,
  resetPassword: ownersOnlyRow,
  delete: ownersOnlyRow,
  aliases: ownersOnlyRow,
  addAlias: ownersOnlyRow,
  removeAlias: ownersOnlyRow,
});

describe("a customer reaches only their own mailboxes", () => {
  it("never lists another tenant's mailboxes, and refused callers write nothing", async () => {
    expect((await api("other_tenant").list({})).rows.map((r) => r.id)).not.toContain(mailboxId);
    const before = await consoleWriteCounts();
    for (const w of ["anonymous", "reseller", "operator", "other_tenant"] as const) {
      await outcome(() => api(w).update({ mailboxId, displayName: "偷改" }));
      await outcome(() => api(w).setStatus({ mailboxId, status: "disabled" }));
      await outcome(() => api(w).resetPassword({ mailboxId, password: PASSWORD }));
      await outcome(() => api(w).delete({ mailboxId }));
      await outcome(() => api(w).addAlias({ mailboxId, domainId: owner.domain.id, localPart: "stolen" }));
    }
    expect(await consoleWriteCounts()).toEqual(before);
  });
});
