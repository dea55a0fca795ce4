import { router } from "./init";
import { createCallerFactory } from "./init";
import { meRouter } from "@/server/auth/router";
import { auditRouter } from "@/server/audit/router";
import { billingRouter } from "@/server/billing/router";
import { domainsRouter } from "@/server/domains/router";
import { tenantsRouter } from "@/server/tenants/router";
import { mailLogRouter } from "@/server/mail/log/router";
import { quarantineRouter } from "@/server/mail/quarantine/router";
import { spamPolicyRouter } from "@/server/mail/policy/router";
import { abuseRouter } from "@/server/mail/abuse/router";
import { slaRouter } from "@/server/sla/router";
import { resellersRouter } from "@/server/resellers/router";
import { announcementsRouter } from "@/server/announcements/router";
import { invitationsRouter } from "@/server/auth/invitations/router";
import { securityRouter } from "@/server/auth/security/router";
import { operationsRouter } from "@/server/operations/router";
import { apiKeysRouter } from "@/server/provisioning/api-keys/router";

// The one list of routers; each area adds its own here.
export const appRouter = router({
  me: meRouter,
  audit: auditRouter,
  billing: billingRouter,
  domains: domainsRouter,
  tenants: tenantsRouter,
  mailLog: mailLogRouter,
  quarantine: quarantineRouter,
  spamPolicy: spamPolicyRouter,
  abuse: abuseRouter,
  sla: slaRouter,
  resellers: resellersRouter,
  announcements: announcementsRouter,
  invitations: invitationsRouter,
  security: securityRouter,
  operations: operationsRouter,
  apiKeys: apiKeysRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
