import { beforeAll } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import { tenantWithDomain } from "@/server/tenants/self-service/self-service-test-fixtures";
import { closeResetRate } from "@/server/auth/password-reset/reset-rate-limit";
import { afterAll } from "vitest";
import { callerAs, portalAccount } from "./password-test-fixtures";

// security.passwords × security.passwordReset × each kind of caller. None takes an id: each acts
// on the caller's own account (passwords) or on the account a link names (passwordReset), so
// another tenant's or reseller's account cannot be named at all.
type Who = "anonymous" | "mailbox_user" | "tenant_admin" | "reseller" | "operator";
const users = {} as Record<Who, SessionUser | null>;

beforeAll(async () => {
  const t = await tenantWithDomain();
  users.anonymous = null;
  users.mailbox_user = (await t.mailbox("matrix")).session;
  users.tenant_admin = (await portalAccount("tenant_admin", { tenantId: t.tenant.id })).session;
  users.reseller = (await portalAccount("reseller")).session;
  users.operator = (await portalAccount("operator")).session;
});
afterAll(() => closeResetRate());

let ip = 0;
const api = (w: Who) => callerAs(users[w], `192.0.2.${(ip += 1)}`);
// A wrong current password: the caller reaches the use case (BAD_REQUEST), nothing changes.
const WRONG = { currentPassword: "Not#Mine2026", newPassword: "Lighthouse#58" };
const UNKNOWN_TOKEN = { token: "u".repeat(43) };

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  rule: (w) => api(w).passwords.rule(),
  mailboxRule: (w) => api(w).passwords.mailboxRule(),
  changeOwn: (w) => api(w).passwords.changeOwn(WRONG),
  "passwordReset.request": (w) => api(w).passwordReset.request({ email: "nobody@example.test" }),
  "passwordReset.check": (w) => api(w).passwordReset.check(UNKNOWN_TOKEN),
  "passwordReset.complete": (w) => api(w).passwordReset.complete({ ...UNKNOWN_TOKEN, password: "Lighthouse#58" }),
};

const portal = (outcome: Outcome) => ({ anonymous: "UNAUTHORIZED", mailbox_user: "FORBIDDEN", tenant_admin: outcome, reseller: outcome, operator: outcome }) as const;
const anyone = (outcome: Outcome) => ({ anonymous: outcome, mailbox_user: outcome, tenant_admin: outcome, reseller: outcome, operator: outcome }) as const;

describeMatrix<Who>("security.passwords and security.passwordReset × roles", calls, {
  rule: portal(OK),
  mailboxRule: { anonymous: "UNAUTHORIZED", mailbox_user: OK, tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: "FORBIDDEN" },
  changeOwn: portal("BAD_REQUEST"),
  "passwordReset.request": anyone(OK),
  "passwordReset.check": anyone("NOT_FOUND"),
  "passwordReset.complete": anyone("NOT_FOUND"),
});
