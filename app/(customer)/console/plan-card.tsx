import { getFormatter, getTranslations } from "next-intl/server";
import { Button, Card, Descriptions, Progress } from "antd";
import type { PlanSummary } from "@/server/tenants/home/get-plan-summary";
import { SecondaryText } from "@/app/_components/typography";

/** The home's plan summary: plan, seats used of paid (a bar), and how far the service is paid. */
export async function PlanCard({ plan }: { plan: PlanSummary }) {
  const [t, format] = await Promise.all([getTranslations("consoleHome"), getFormatter()]);
  const { seats } = plan;
  const percent = seats.paid > 0 ? Math.min(100, Math.round((seats.used / seats.paid) * 100)) : 100;
  // Billing days are calendar days of the tenant's zone: shown through UTC so none shifts.
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const billing = (
    <Button type="link" href="/console/billing" style={{ paddingInline: 0 }}>
      {plan.planName ? t("billing") : t("buyPlan")}
    </Button>
  );
  return (
    <Card title={t("planTitle")} extra={billing} data-testid="plan-card">
      <Descriptions
        column={1}
        items={[
          { key: "plan", label: t("planName"), children: plan.planName ?? <SecondaryText>{t("noPlan")}</SecondaryText> },
          ...(plan.status ? [{ key: "status", label: t("status"), children: t(`subscriptionStatus.${plan.status}`) }] : []),
          {
            key: "seats",
            label: t("seats"),
            children: (
              <div style={{ width: "100%" }}>
                <Progress
                  percent={percent}
                  showInfo={false}
                  status={seats.free === 0 ? "exception" : percent >= 90 ? "active" : "normal"}
                  aria-label={t("seats")}
                  aria-valuenow={seats.used}
                  aria-valuemax={seats.paid}
                />
                <span data-testid="seat-usage">{t("seatsUsed", { used: seats.used, paid: seats.paid })}</span>
              </div>
            ),
          },
          {
            key: "paid",
            label: t("paidThrough"),
            children: plan.capped ? t("capped") : plan.paidThroughDay ? day(plan.paidThroughDay) : <SecondaryText>{t("notPaid")}</SecondaryText>,
          },
        ]}
      />
    </Card>
  );
}
