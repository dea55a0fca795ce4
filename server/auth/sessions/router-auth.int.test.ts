import { beforeAll } from "vitest";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import type { SessionUser } from "@/server/auth/session-user";
import { clock } from "@/server/shared/clock";
import { callerFor, makeWorld } from "@/server/auth/totp/totp-test-fixtures";
import { createAuthSession } from "./create-auth-session";
import { sessionAccountOf } from "./session-account";

// security.sessions.* × every kind of caller: every account has sessions of its own; anyone
// else's session id is NOT_FOUND, whoever owns it.
let world: Awaited<ReturnType<typeof makeWorld>>;
type Who = "anonymous" | "mailbox_user" | "tenant_admin" | "other_tenant_admin" | "reseller" | "operator";
const spare = new Map<Who, string>();

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

beforeAll(async () => {
  world = await makeWorld();
  for (const w of ["mailbox_user", "tenant_admin", "other_tenant_admin", "reseller", "operator"] as Who[]) {
    const user = who(w)!;
    spare.set(w, await createAuthSession({ ...sessionAccountOf(user), scope: user.tenantId ?? "platform" }, { ip: null, userAgent: null }, clock.now()));
  }
});

const everyone = (signedIn: Outcome): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  mailbox_user: signedIn,
  tenant_admin: signedIn,
  other_tenant_admin: signedIn,
  reseller: signedIn,
  operator: signedIn,
});

describeMatrix<Who>(
  "security.sessions procedures × callers",
  {
    list: (w) => callerFor(who(w)).security.sessions.list(),
    revokeOwn: (w) => callerFor(who(w)).security.sessions.revoke({ id: spare.get(w) ?? "none" }),
    // Tenant A's second admin's session: nobody else's to end.
    revokeSomeoneElses: (w) => callerFor(who(w)).security.sessions.revoke({ id: world.users.adminA2.sessionId! }),
    revokeOthers: (w) => callerFor(who(w)).security.sessions.revokeOthers(),
  },
  {
    list: everyone(OK),
    revokeOwn: everyone(OK),
    revokeSomeoneElses: everyone("NOT_FOUND"),
    revokeOthers: everyone(OK),
  },
);
