"use client";

import { Tooltip } from "antd";
import type { BarLevel } from "@/server/sla/status/get-status.types";

/** Bar colours: antd's success, warning and error; no data a neutral grey. */
export const BAR_COLOURS: Record<BarLevel, string> = { good: "#52c41a", minor: "#faad14", major: "#ff4d4f", none: "#d9d9d9" };

export type Bar = { key: string; level: BarLevel; label: string };

/**
 * One thin bar per day, oldest first; hovering (or focusing) a bar shows its day and uptime.
 * A client component only for the tooltip: the server writes every label.
 */
export function UptimeBars({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <div role="list" aria-label={label} style={{ display: "flex", gap: 2, height: 34, alignItems: "stretch" }}>
      {bars.map((bar) => (
        <Tooltip key={bar.key} title={bar.label} mouseEnterDelay={0}>
          <div
            role="listitem"
            aria-label={bar.label}
            tabIndex={0}
            data-level={bar.level}
            style={{ flex: "1 1 0", minWidth: 2, borderRadius: 2, background: BAR_COLOURS[bar.level], cursor: "default" }}
          />
        </Tooltip>
      ))}
    </div>
  );
}

/** The colour key under the bars. */
export function BarLegend({ labels }: { labels: Record<BarLevel, string> }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 16, fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
      {(Object.keys(BAR_COLOURS) as BarLevel[]).map((level) => (
        <span key={level} style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <span style={{ width: 10, height: 10, borderRadius: 2, background: BAR_COLOURS[level] }} />
          {labels[level]}
        </span>
      ))}
    </div>
  );
}
