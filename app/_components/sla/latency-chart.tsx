"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { boundText, latencyBuckets } from "./sla-figures";

/** Messages per latency range, send and receive side by side. */
export function LatencyChart({ send, receive }: { send: number[]; receive: number[] }) {
  const t = useTranslations("sla.charts");
  const data = latencyBuckets(send, receive).map((b) => ({ ...b, label: t(b.over ? "bucketOver" : "bucketUpTo", { bound: boundText(b.bound) }) }));
  return (
    <figure style={{ margin: 0 }} aria-label={t("latency")}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
          <YAxis width={48} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="send" name={t("send")} fill="#1f5fbf" isAnimationActive={false} />
          <Bar dataKey="receive" name={t("receive")} fill="#13a8a8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
