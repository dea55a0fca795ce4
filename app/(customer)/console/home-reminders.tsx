import { getTranslations } from "next-intl/server";
import { Alert, Button, Card, Flex } from "antd";
import type { HomeReminder } from "@/server/tenants/home/home-reminders";
import type { TSecurityNotices } from "@/server/auth/login-log/security-notices";
import { SecondaryText } from "@/app/_components/typography";
import { hasSecurityNotices, SecurityNoticeAlerts } from "@/app/_components/security/security-notices";

/**
 * The home's reminders (seed 001 area 3): the admin's own security (a sign-in from a new network,
 * password expiring, no second factor), then seats nearly full.
 */
export async function HomeReminders({ reminders, security }: { reminders: HomeReminder[]; security: TSecurityNotices }) {
  const t = await getTranslations("consoleHome");
  const seats = (r: HomeReminder) => (
    <Alert
      key={r.kind}
      type={r.free === 0 ? "error" : "warning"}
      showIcon
      title={r.paid === 0 ? t("seatsNone") : r.free === 0 ? t("seatsFull", { paid: r.paid }) : t("seatsNearlyFull", { used: r.used, paid: r.paid })}
      description={t("seatsBody")}
      action={
        <Button size="small" href="/console/billing">
          {t("seatsAction")}
        </Button>
      }
    />
  );
  return (
    <Card title={t("remindersTitle")} data-testid="home-reminders">
      {reminders.length === 0 && !hasSecurityNotices(security) ? (
        <SecondaryText>{t("noReminders")}</SecondaryText>
      ) : (
        <Flex vertical gap={12}>
          <SecurityNoticeAlerts notices={security} role="tenant_admin" />
          {reminders.map(seats)}
        </Flex>
      )}
    </Card>
  );
}
