import { getFormatter, getTranslations } from "next-intl/server";
import { Tag } from "antd";
import type { ServiceState, StatusServiceRow } from "@/server/sla/status/get-status.types";
import { uptimeText } from "@/server/sla/status/status-rules";
import { UptimeBars, type Bar } from "./uptime-bars";

export const STATE_TAG: Record<ServiceState, string> = { operational: "success", degraded: "warning", outage: "error", unknown: "default" };

/** One service: its name and current state, then its daily bars with the span and total uptime. */
export async function ServiceRow({ row }: { row: StatusServiceRow }) {
  const [t, format] = await Promise.all([getTranslations("statusPage"), getFormatter()]);
  const name = t(`service.${row.service}`);
  // Bars are UTC days: written as dates through UTC so no time zone moves them by a day.
  const dayText = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const bars: Bar[] = row.days.map((d) => ({
    key: d.day,
    level: d.level,
    label:
      d.uptimePpm === null
        ? t("barNoData", { day: dayText(d.day) })
        : t(d.partial ? "barTitleToday" : "barTitle", { day: dayText(d.day), uptime: uptimeText(d.uptimePpm) }),
  }));
  return (
    <section aria-label={name} style={{ padding: "16px 0", borderBottom: "1px solid #f0f0f0" }}>
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 12, marginBottom: 10 }}>
        <h3 style={{ margin: 0, fontSize: 15, fontWeight: 500 }}>{name}</h3>
        <Tag color={STATE_TAG[row.state]} style={{ marginInlineEnd: 0 }}>
          {t(`state.${row.state}`)}
        </Tag>
      </div>
      <UptimeBars bars={bars} label={t("barsLabel", { service: name, days: row.days.length })} />
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12, marginTop: 6, fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
        <span>{t("daysAgo", { days: row.days.length - 1 })}</span>
        <span>{row.uptimePpm === null ? t("noDataOverall") : t("uptimeOverall", { uptime: uptimeText(row.uptimePpm) })}</span>
        <span>{t("today")}</span>
      </div>
    </section>
  );
}
