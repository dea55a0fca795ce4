"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Tag, Tooltip, Typography } from "antd";
import type { LoginLogRow } from "@/server/auth/login-log/login-log-row";

// Cells the login log and the personal "recent sign-ins" card share, so a result or a channel
// reads the same on every page.

export function LoginTime({ at }: { at: Date }) {
  const format = useFormatter();
  return <span style={{ whiteSpace: "nowrap" }}>{format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })}</span>;
}

export function LoginResultTag({ row }: { row: Pick<LoginLogRow, "result" | "reason"> }) {
  const t = useTranslations("loginLog.result");
  const color = row.result === "success" ? "green" : row.result === "second_factor_required" ? "blue" : "red";
  const tag = <Tag color={color}>{t(row.result)}</Tag>;
  return row.reason ? <Tooltip title={row.reason}>{tag}</Tooltip> : tag;
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
