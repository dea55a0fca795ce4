import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Card, Tag } from "antd";
import { getStatus } from "@/server/sla/status/get-status";
import type { ServiceState } from "@/server/sla/status/get-status.types";
import { NoticeList } from "./notice-list";
import { ServiceRow } from "./service-row";
import { StatusHeader } from "./status-header";
import { BarLegend } from "./uptime-bars";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statusPage"))("title") };
}

const ALERT_TYPE: Record<ServiceState, "success" | "warning" | "error" | "info"> = { operational: "success", degraded: "warning", outage: "error", unknown: "info" };

/**
 * /status: the public status page (issue 9). Outside every portal route group, so no sign-in;
 * it reads getStatus() directly (cached 30 s in-process), which holds no tenant's data.
 */
export default async function StatusPage() {
  await connection();
  const [status, t, format] = await Promise.all([getStatus(), getTranslations("statusPage"), getFormatter()]);
  // With the zone written out: a public page's readers are anywhere (the platform's zone is used).
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  return (
    <div style={{ minHeight: "100vh" }}>
      <StatusHeader />
      <main style={{ maxWidth: 960, margin: "0 auto", padding: "24px 16px 48px", display: "grid", gap: 16 }}>
        <Alert
          type={ALERT_TYPE[status.overall]}
          showIcon
          role="status"
          title={<span style={{ fontSize: 18, fontWeight: 500 }}>{t(`overall.${status.overall}`)}</span>}
          description={t("updatedAt", { at: when(status.generatedAt) })}
        />
        <Card title={t("services")} extra={<BarLegend labels={{ good: t("legend.good"), minor: t("legend.minor"), major: t("legend.major"), none: t("legend.none") }} />}>
          {status.services.map((row) => (
            <ServiceRow key={row.service} row={row} />
          ))}
        </Card>
        <NoticeList
          title={t("incidents")}
          empty={t("noIncidents")}
          items={status.incidents.map((i) => ({
            key: `${i.since.toISOString()} ${i.summary}`,
            head: (
              <>
                <Tag color="error">{t(`incidentKind.${i.kind}`)}</Tag> <strong>{i.summary}</strong>
              </>
            ),
            body: <span style={{ color: "rgba(0,0,0,0.45)", fontSize: 13 }}>{t("since", { at: when(i.since) })}</span>,
          }))}
        />
        <NoticeList
          title={t("maintenance")}
          empty={t("noMaintenance")}
          items={status.maintenance.map((m) => ({
            key: `${m.startsAt.toISOString()} ${m.description}`,
            head: (
              <>
                <strong>{t("window", { from: when(m.startsAt), to: when(m.endsAt) })}</strong> {m.inProgress && <Tag color="processing">{t("inProgress")}</Tag>}
              </>
            ),
            body: m.description,
          }))}
        />
        <p style={{ color: "rgba(0,0,0,0.45)", fontSize: 12, margin: 0 }}>{t("footnote")}</p>
      </main>
    </div>
  );
}
