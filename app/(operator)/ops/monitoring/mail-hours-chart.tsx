"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MAIL_STATES, type HourCounts } from "@/server/operations/monitoring/mail-states";

const COLORS: Record<(typeof MAIL_STATES)[number], string> = {
  received: "#8c8c8c",
  queued: "#1f5fbf",
  delivered: "#389e0d",
  relayed: "#13a8a8",
  deferred: "#d89614",
  bounced: "#cf1322",
  quarantined: "#722ed1",
};

/** Delivery-log lines of the last 24 h by hour received, stacked by the state each is in now. */
export function MailHoursChart({ hours }: { hours: HourCounts[] }) {
  const t = useTranslations("monitoring.hours");
  const format = useFormatter();
  const data = hours.map((h) => ({ ...h, label: format.dateTime(h.hour, { hour: "2-digit", minute: "2-digit" }) }));
  return (
    // Clipped: after the window narrows, the chart keeps its old width for a frame or two and
    // would widen the whole page (a phone then scrolls sideways).
    <figure style={{ margin: 0, overflowX: "hidden" }} aria-label={t("chart")}>
      <ResponsiveContainer width="100%" height={280}>
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis width={48} allowDecimals={false} label={{ value: t("axis"), angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend />
          {MAIL_STATES.map((s) => (
            <Area key={s} type="monotone" dataKey={s} name={t(`states.${s}`)} stackId="mail" stroke={COLORS[s]} fill={COLORS[s]} fillOpacity={0.35} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
