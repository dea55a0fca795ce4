"use client";

import { useTranslations } from "next-intl";
import { Badge } from "antd";
import type { CheckStatus } from "@/server/domains/rules/check-types";

const BADGE = { ok: "success", missing: "error", wrong: "error", pending: "processing", unknown: "warning" } as const;

/** A record's or step's last status; "not checked" before the first check. */
export function CheckStatusBadge({ status }: { status: CheckStatus | null }) {
  const t = useTranslations("domains.status");
  return <Badge status={status ? BADGE[status] : "default"} text={t(status ?? "notChecked")} data-testid="check-status" data-status={status ?? "none"} />;
}
