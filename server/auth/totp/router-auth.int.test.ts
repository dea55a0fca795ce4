import { beforeAll } from "vitest";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import type { SessionUser } from "@/server/auth/session-user";
import { callerFor, makeAccount, makeWorld } from "./totp-test-fixtures";

// security.totp.* × every kind of caller. A refused input (BAD_REQUEST, PRECONDITION_FAILED)
// means the caller got past authorisation to the use case; the use cases' own tests cover those.
let world: Awaited<ReturnType<typeof makeWorld>>;
let resetTarget: SessionUser;

beforeAll(async () => {
  world = await makeWorld();
  resetTarget = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
});

type Who = "anonymous" | "mailbox_user" | "tenant_admin" | "other_tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous"
    ? null
    : {
        mailbox_user: world.users.mailboxA,
        tenant_admin: world.users.adminA,
        other_tenant_admin: world.users.adminB,
        reseller: world.users.reseller,
        operator: world.users.operator,
      }[w];

const portal = (authorised: Outcome): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  mailbox_user: "FORBIDDEN",
  tenant_admin: authorised,
  other_tenant_admin: authorised,
  reseller: authorised,
  operator: authorised,
});

describeMatrix<Who>(
  "security.totp procedures × callers",
  {
    status: (w) => callerFor(who(w)).security.totp.status(),
    beginEnrolment: (w) => callerFor(who(w)).security.totp.beginEnrolment(),
    // Begun above, so a wrong code is the use case's refusal.
    confirmEnrolment: (w) => callerFor(who(w)).security.totp.confirmEnrolment({ code: "000000" }),
    regenerateRecoveryCodes: (w) => callerFor(who(w)).security.totp.regenerateRecoveryCodes({ code: "000000" }),
    disable: (w) => callerFor(who(w)).security.totp.disable({ password: "x", code: "000000" }),
    // Tenant A's second admin: tenant A's admin and operators may; tenant B's admin gets NOT_FOUND.
    resetForUser: (w) => callerFor(who(w)).security.totp.resetForUser({ userId: resetTarget.id }),
  },
  {
    status: portal(OK),
    beginEnrolment: portal(OK),
    confirmEnrolment: portal("BAD_REQUEST"),
    regenerateRecoveryCodes: portal("BAD_REQUEST"),
    disable: portal("BAD_REQUEST"),
    resetForUser: { anonymous: "UNAUTHORIZED", mailbox_user: "FORBIDDEN", tenant_admin: OK, other_tenant_admin: "NOT_FOUND", reseller: "FORBIDDEN", operator: OK },
  },
);
