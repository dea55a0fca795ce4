"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";
import type { DeliveryStatus, MailDirection } from "@/server/generated/prisma/enums.ts";

/** Green once it arrived, blue on its way, orange retrying, red failed, purple held. */
export const STATUS_COLOR: Record<DeliveryStatus, string> = {
  received: "default",
  queued: "processing",
  delivered: "success",
  relayed: "cyan",
  deferred: "warning",
  bounced: "error",
  quarantined: "purple",
};

export function StatusTag({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("mailLog.status");
  return <Tag color={STATUS_COLOR[status]}>{t(status)}</Tag>;
}

/** 发信 / 收信. */
export function DirectionTag({ direction }: { direction: MailDirection }) {
  const t = useTranslations("mailLog.direction");
  return <Tag color={direction === "outbound" ? "blue" : "green"}>{t(direction)}</Tag>;
}

/** A status the engine may add later than these pages: shown as written rather than failing. */
export function isKnownStatus(status: string): status is DeliveryStatus {
  return status in STATUS_COLOR;
}
