import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Button, Card, Flex } from "antd";
import type { HomeReminder } from "@/server/tenants/home/home-reminders";
import { PASSWORD_MAX_AGE_DAYS } from "@/server/tenants/home/home-reminders";
import { SecondaryText } from "@/app/_components/typography";

/** The home's reminders (seed 001 area 3): password expiring, seats nearly full, no second factor. */
export async function HomeReminders({ reminders }: { reminders: HomeReminder[] }) {
  const [t, format] = await Promise.all([getTranslations("consoleHome"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const alert = (r: HomeReminder) => {
    switch (r.kind) {
      case "password_expiring":
        return (
          <Alert
            type={r.daysLeft < 0 ? "error" : "warning"}
            showIcon
            title={r.daysLeft < 0 ? t("passwordExpired", { date: day(r.expiresAt) }) : t("passwordExpiring", { days: r.daysLeft, date: day(r.expiresAt) })}
            description={t("passwordBody", { maxDays: PASSWORD_MAX_AGE_DAYS })}
          />
        );
      case "seats_nearly_full":
        return (
          <Alert
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
      case "no_second_factor":
        return <Alert type="info" showIcon title={t("noSecondFactor")} description={t("noSecondFactorBody")} />;
    }
  };
  return (
    <Card title={t("remindersTitle")} data-testid="home-reminders">
      {reminders.length === 0 ? (
        <SecondaryText>{t("noReminders")}</SecondaryText>
      ) : (
        <Flex vertical gap={12}>
          {reminders.map((r) => (
            <div key={r.kind}>{alert(r)}</div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
