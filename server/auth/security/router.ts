import { router } from "@/server/trpc/init";
import { securityPolicyRouter } from "@/server/auth/policy/router";
import { passwordsRouter } from "@/server/auth/passwords/router";
import { passwordResetRouter } from "@/server/auth/password-reset/router";
import { totpRouter } from "@/server/auth/totp/router";
import { sessionsRouter } from "@/server/auth/sessions/router";
import { loginLogRouter } from "@/server/auth/login-log/router";

// Account security (issue 11), one sub-router per part; docs/security.md describes them.
export const securityRouter = router({
  policy: securityPolicyRouter,
  passwords: passwordsRouter,
  passwordReset: passwordResetRouter,
  totp: totpRouter,
  sessions: sessionsRouter,
  loginLog: loginLogRouter,
});
