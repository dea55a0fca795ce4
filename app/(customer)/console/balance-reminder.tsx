import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert, Button } from "antd";
import { formatMoney } from "@/app/_components/money";
import { getBalanceReminder } from "@/server/billing/lifecycle/get-balance-reminder";

// The customer home's banner: from 30 days before the balance runs out (the same days as the
// reminder e-mails), and, once suspended for non-payment, that mail is stopped until paid.
const ALERT_TYPE = { info: "info", warning: "warning", danger: "error" } as const;
const STYLE = { marginBottom: 16 };

export async function BalanceReminder({ tenantId }: { tenantId: string }) {
  const [banner, t, format, locale] = await Promise.all([
    getBalanceReminder(tenantId),
    getTranslations("billing.reminder"),
    getFormatter(),
    getLocale(),
  ]);
  const topUp = (danger: boolean) => (
    <Button type="primary" danger={danger} href="/console/billing">
      {t("topUp")}
    </Button>
  );

  if (banner.suspendedForNonPayment) {
    const since = banner.suspendedAt && t("suspendedSince", { date: format.dateTime(banner.suspendedAt, { dateStyle: "medium", timeStyle: "short" }) });
    return (
      <Alert
        type="error"
        showIcon
        style={STYLE}
        title={t("suspendedTitle")}
        description={[t("suspendedBody"), since].filter(Boolean).join(" ")}
        action={topUp(true)}
      />
    );
  }

  const r = banner.reminder;
  if (!r) return null;
  // Billing days are calendar days of the tenant's zone: shown through UTC so none shifts.
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const values = { balance: formatMoney(r.balance, "CNY", locale), runsOut: day(r.runsOutDay), paidThrough: r.paidThroughDay ? day(r.paidThroughDay) : "" };
  const body = r.daysLeft < 0 ? t("bodyRanOut") : r.paidThroughDay ? t("body", values) : t("bodyNothingPaid", values);
  return (
    <Alert
      type={ALERT_TYPE[r.level]}
      showIcon
      style={STYLE}
      title={r.daysLeft < 0 ? t("ranOut") : t("title", { days: r.daysLeft })}
      description={body}
      action={topUp(r.level === "danger")}
    />
  );
}
