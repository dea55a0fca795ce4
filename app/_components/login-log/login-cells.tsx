"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Tag, Tooltip, Typography } from "antd";
import type { LoginLogRow } from "@/server/auth/login-log/login-log-row";
import { readableReason } from "./login-reason";

// Cells the login log and the personal "recent sign-ins" card share, so a result or a channel
// reads the same on every page.

export function LoginTime({ at }: { at: Date }) {
  const format = useFormatter();
  return <span style={{ whiteSpace: "nowrap" }}>{format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })}</span>;
}

/** The stored reason (English, server/auth/gate) in the reader's language; see login-reason.ts. */
export function useReasonText(): (reason: string) => string {
  const t = useTranslations("loginLog");
  const format = useFormatter();
  return (reason) => {
    const r = readableReason(reason);
    if (r.key === null) return r.text;
    const v = r.values;
    switch (r.key) {
      case "accountLocked":
      case "addressLocked":
        return t(`reason.${r.key}`, { until: format.dateTime(new Date(v.until!), { dateStyle: "medium", timeStyle: "short" }) });
      case "denyRule":
      case "defaultDeny":
      case "defaultDenyNoIp":
        return t(`reason.${r.key}`, { cidr: v.cidr ?? "", channel: t(`ruleChannel.${v.channel as "web" | "mail"}`) });
      case "unusable":
        return t("reason.unusable", { subject: t(`reasonSubject.${v.subject as "account"}`), state: t(`reasonState.${v.state as "disabled"}`) });
      default:
        return t(`reason.${r.key}`, v);
    }
  };
}

export function LoginResultTag({ row }: { row: Pick<LoginLogRow, "result" | "reason"> }) {
  const t = useTranslations("loginLog.result");
  const reasonText = useReasonText();
  const color = row.result === "success" ? "green" : row.result === "second_factor_required" ? "blue" : "red";
  const tag = <Tag color={color}>{t(row.result)}</Tag>;
  return row.reason ? <Tooltip title={reasonText(row.reason)}>{tag}</Tooltip> : tag;
}

export function LoginChannelText({ channel }: { channel: LoginLogRow["channel"] }) {
  const t = useTranslations("loginLog.channel");
  return <span style={{ whiteSpace: "nowrap" }}>{t(channel)}</span>;
}

/** The client in a few words; the whole User-Agent in the tooltip (and in the CSV). */
export function LoginClient({ row }: { row: Pick<LoginLogRow, "client" | "userAgent"> }) {
  const none = useTranslations("common")("none");
  if (!row.client) return <>{none}</>;
  return (
    <Typography.Text ellipsis={{ tooltip: row.userAgent }} style={{ maxWidth: 220 }}>
      {row.client}
    </Typography.Text>
  );
}

/** The IP, with the marks of a first sign-in from its network and of an allow-listed address. */
export function LoginIp({ row }: { row: Pick<LoginLogRow, "ip" | "newNetwork" | "lockoutExempt"> }) {
  const t = useTranslations("loginLog");
  const none = useTranslations("common")("none");
  return (
    <span style={{ whiteSpace: "nowrap" }}>
      {row.ip ?? none}{" "}
      {row.newNetwork && (
        <Tooltip title={t("newNetworkHint")}>
          <Tag color="warning" data-testid="new-network-tag">
            {t("newNetwork")}
          </Tag>
        </Tooltip>
      )}
      {row.lockoutExempt && (
        <Tooltip title={t("lockoutExemptHint")}>
          <Tag>{t("lockoutExempt")}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
