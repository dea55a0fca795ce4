"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Typography } from "antd";
import type { QueueDepth } from "@/server/operations/monitoring/queue-depths";

const SERIES = [
  { key: "waiting", color: "#1f5fbf" },
  { key: "active", color: "#13a8a8" },
  { key: "delayed", color: "#d89614" },
  { key: "failed", color: "#cf1322" },
] as const;

/** Jobs per BullMQ queue by state, stacked; the failed count is what the queue still keeps. */
export function QueueChart({ queues }: { queues: QueueDepth[] }) {
  const t = useTranslations("monitoring.queues");
  const failed = queues.reduce((n, q) => n + q.failed, 0);
  return (
    <figure style={{ margin: 0 }} aria-label={t("chart")}>
      <div style={{ overflowX: "auto" }}>
        <div style={{ minWidth: 520 }}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={queues} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} label={{ value: t("axis"), position: "insideBottomRight", offset: -4, fontSize: 11 }} />
              <YAxis type="category" dataKey="queue" width={150} tick={{ fontSize: 11 }} interval={0} />
              <Tooltip />
              <Legend />
              {SERIES.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={t(s.key)} stackId="jobs" fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <Typography.Text type={failed > 0 ? "danger" : "secondary"} data-testid="job-failures">
        {t("failures", { count: failed })}
      </Typography.Text>
    </figure>
  );
}
