import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Button, Flex } from "antd";
import { ROLE_HOME, type SessionRole } from "@/server/auth/roles";
import type { SessionUser } from "@/server/auth/session-user";
import { securityNotices, type TSecurityNotices } from "@/server/auth/login-log/security-notices";

/** Whether there is anything to warn about. */
export const hasSecurityNotices = (n: TSecurityNotices): boolean => !!(n.newNetworkSignIn || n.passwordExpiring || n.secondFactorMissing);

/**
 * The account's security warnings as alerts, most urgent first: a sign-in from a new network,
 * the password expiring or expired, no second factor. Each links to the portal's personal
 * security page, where the password is changed, sessions revoked and the factor set up.
 */
export async function SecurityNoticeAlerts({ notices, role }: { notices: TSecurityNotices; role: SessionRole }) {
  const [t, format] = await Promise.all([getTranslations("consoleHome"), getFormatter()]);
  const href = `${ROLE_HOME[role]}/me/security`;
  const action = (
    <Button size="small" href={href}>
      {t("securityAction")}
    </Button>
  );
  const { newNetworkSignIn: signIn, passwordExpiring: password, secondFactorMissing: factor } = notices;
  return (
    <>
      {signIn && (
        <Alert
          type="warning"
          showIcon
          data-testid="new-network-warning"
          title={t("newNetwork", { network: signIn.network ?? signIn.ip ?? "?", at: format.dateTime(signIn.at, { dateStyle: "medium", timeStyle: "short" }) })}
          description={t("newNetworkBody")}
          action={action}
        />
      )}
      {password && (
        <Alert
          type={password.state === "expired" ? "error" : "warning"}
          showIcon
          title={
            password.state === "expired"
              ? t("passwordExpired", { date: format.dateTime(password.expiresAt, { dateStyle: "long" }) })
              : t("passwordExpiring", { days: password.daysLeft, date: format.dateTime(password.expiresAt, { dateStyle: "long" }) })
          }
          description={t("passwordBody", { maxDays: password.maxAgeDays })}
          action={action}
        />
      )}
      {factor && (
        <Alert
          type={factor.required ? "warning" : "info"}
          showIcon
          title={factor.required ? t("noSecondFactorRequired") : t("noSecondFactor")}
          description={t("noSecondFactorBody")}
          action={action}
        />
      )}
    </>
  );
}

/** The security warnings at the top of a portal home (operators, resellers); nothing when all is well. */
export async function SecurityNotices({ user }: { user: SessionUser }) {
  const notices = await securityNotices(user);
  if (!hasSecurityNotices(notices)) return null;
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="security-notices">
      <SecurityNoticeAlerts notices={notices} role={user.role} />
    </Flex>
  );
}
