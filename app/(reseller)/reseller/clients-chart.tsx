"use client";

import { useTranslations } from "next-intl";
import { Empty } from "antd";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ClientRow } from "@/server/resellers/clients/client-row.types";

const TOP = 10;

/** The ten clients with the most seats: where the reseller's business is. */
export function ClientsChart({ rows }: { rows: ClientRow[] }) {
  const t = useTranslations("resellerClients.chart");
  const data = rows
    .filter((r) => (r.seats ?? 0) > 0)
    .sort((a, b) => (b.seats ?? 0) - (a.seats ?? 0))
    .slice(0, TOP)
    .map((r) => ({ name: r.name, seats: r.seats ?? 0 }));
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("empty")} />;
  return (
    <figure style={{ margin: 0 }} aria-label={t("title")}>
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 32 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip />
          <Bar dataKey="seats" name={t("seats")} fill="#1f5fbf" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
