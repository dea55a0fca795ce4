import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createBillingTenant, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { describeMatrix, outcome, type Outcome } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { appRouter, createCaller } from "@/server/trpc/root";
import { INITIAL_PASSWORD, selfServiceCaller, tenantWithDomain } from "./self-service-test-fixtures";

// Self-service procedures × callers. They take no ids: the session's mailbox is the only one a
// caller can reach, so "another tenant's mailbox user" gets their own mailbox, never the owner's.
let owner: SessionUser;
let otherMailbox: SessionUser;
let admin: SessionUser;
let ownerAddress: string;

beforeAll(async () => {
  const t = await tenantWithDomain("Owner");
  const m = await t.mailbox("owner");
  owner = m.session;
  ownerAddress = m.address;
  otherMailbox = (await (await tenantWithDomain("Other")).mailbox("other")).session;
  // The owner tenant's own administrator: still not a mailbox user.
  admin = (await createBillingTenant("Admin Co")).admin;
});

type Who = "anonymous" | "owner" | "other_tenant" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner, other_tenant: otherMailbox, tenant_admin: admin, reseller: resellerUser, operator: operatorUser }[w];

let pw = 0;
const calls: Record<string, (w: Who) => Promise<unknown>> = {
  get: (w) => selfServiceCaller(who(w)).get(),
  // A wrong current password: the call is authorised, then refused as bad input (nothing changes).
  changePassword: (w) => selfServiceCaller(who(w)).changePassword({ currentPassword: `not-it-${++pw}`, newPassword: "Harbour#91" }),
};
const denied = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: "FORBIDDEN" } as const;

describeMatrix<Who>("self-service router authorisation", calls, {
  get: { ...denied, owner: "ok", other_tenant: "ok" },
  changePassword: { ...denied, owner: "BAD_REQUEST", other_tenant: "BAD_REQUEST" },
});

describe("a mailbox user's reach", () => {
  it("reads only their own mailbox", async () => {
    expect((await selfServiceCaller(owner).get()).address).toBe(ownerAddress);
    expect((await selfServiceCaller(otherMailbox).get()).address).not.toBe(ownerAddress);
  });

  it("changes their own password only", async () => {
    await selfServiceCaller(otherMailbox).changePassword({ currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#92" });
    expect((await selfServiceCaller(owner).get()).mustChangePassword).toBe(true);
  });

  // Every procedure of the app outside the mailbox users' own (tenants.selfService, mailLog.mine:
  // their messages' delivery states, and their quarantine: server/mail/quarantine's own matrix),
  // called with a mailbox user's session (and no input: the tier refuses before the input is read).
// announcements.mailbox is their own too (their tenant's announcements; its own matrix in server/announcements).
  // sla.status.get is public (the /status page: no session needed, no tenant data).
  // invitations.check / accept are public too (the /invite page: the link is the credential), and
  // so is security.passwordReset (the reset link is the credential); security.passwords.mailboxRule
  // is their own (their tenant's password rule, for the change form).
  const MAILBOX_USERS_OWN = new Set(["mailLog.mine", "quarantine.mine", "quarantine.previewMine", "quarantine.notSpam", "quarantine.deleteMine", "quarantine.reportSpam", "sla.status.get", "announcements.mailbox.current", "announcements.mailbox.history", "announcements.mailbox.unreadCount", "announcements.mailbox.markRead", "invitations.check", "invitations.accept", "security.passwordReset.request", "security.passwordReset.check", "security.passwordReset.complete", "security.passwords.mailboxRule", "security.sessions.list", "security.sessions.revoke", "security.sessions.revokeOthers", "security.loginLog.mineAsMailbox"]);
  const paths = Object.keys(appRouter._def.procedures).filter((p) => !p.startsWith("tenants.selfService.") && !MAILBOX_USERS_OWN.has(p));
  it.each(paths)("refuses %s with FORBIDDEN", async (path) => {
    const caller = createCaller(makeContext(owner)) as unknown as Record<string, unknown>;
    const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
    expect(await outcome(() => fn(undefined))).toBe("FORBIDDEN" satisfies Outcome);
  });

  it("covers the console's, reseller's and operators' procedures", () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(paths).toContain("me.get");
    expect(paths).toContain("domains.list");
  });
});
