"use client";

import { useTranslations } from "next-intl";
import { theme } from "antd";
import type { SpamAction, SpamThresholds } from "@/server/mail/filter/spam-policy-rules";

const ORDER: SpamAction[] = ["deliver", "header", "quarantine", "reject"];

type Band = { action: SpamAction; from: number; to: number };
/** The scores a band covers, as the engine applies them (a threshold is reached at equality). */
const range = (b: Band) => (b.action === "deliver" ? `< ${b.to}` : b.action === "reject" ? `≥ ${b.from}` : `${b.from}–${b.to}`);

/**
 * A bar from score 0 to a little past the reject threshold: one band per action, so the admin
 * sees how wide each range is as they type. Bands of an invalid order (a threshold above the
 * next) simply shrink to nothing; the field errors say what is wrong.
 */
export function SpamScale({ thresholds }: { thresholds: SpamThresholds }) {
  const t = useTranslations("spamPolicy.actions");
  const { token } = theme.useToken();
  const colors: Record<SpamAction, string> = { deliver: token.colorSuccess, header: token.colorWarning, quarantine: token.orange6 ?? token.colorWarningActive, reject: token.colorError };
  const end = Math.max(thresholds.rejectScore, thresholds.quarantineScore, thresholds.addHeaderScore, 1) * 1.25;
  const starts: Record<SpamAction, number> = { deliver: 0, header: thresholds.addHeaderScore, quarantine: thresholds.quarantineScore, reject: thresholds.rejectScore };
  const bands: Band[] = ORDER.map((action, i) => {
    const from = Math.min(Math.max(starts[action], 0), end);
    const next = ORDER.slice(i + 1).map((a) => starts[a]);
    const to = Math.min(Math.max(Math.min(...next, end), from), end);
    return { action, from, to };
  });

  return (
    <div style={{ margin: "8px 0 20px" }} role="img" aria-label={bands.map((b) => `${t(b.action)} ${range(b)}`).join(", ")}>
      <div style={{ display: "flex", height: 28, borderRadius: 6, overflow: "hidden" }}>
        {bands.map((b) => (
          <div
            key={b.action}
            title={t(b.action)}
            data-action={b.action}
            style={{
              width: `${((b.to - b.from) / end) * 100}%`,
              background: colors[b.action],
              color: "#fff",
              fontSize: 12,
              lineHeight: "28px",
              textAlign: "center",
              whiteSpace: "nowrap",
              overflow: "hidden",
              textOverflow: "ellipsis",
            }}
          >
            {t(b.action)}
          </div>
        ))}
      </div>
      <div style={{ position: "relative", height: 18, fontSize: 12, color: token.colorTextSecondary }}>
        {(["header", "quarantine", "reject"] as const).map((a) => (
          <span key={a} style={{ position: "absolute", left: `${(Math.min(Math.max(starts[a], 0), end) / end) * 100}%`, transform: "translateX(-50%)" }}>
            {starts[a]}
          </span>
        ))}
        <span style={{ position: "absolute", left: 0 }}>0</span>
      </div>
      <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{bands.map((b) => `${t(b.action)} ${range(b)}`).join(" · ")}</div>
    </div>
  );
}
