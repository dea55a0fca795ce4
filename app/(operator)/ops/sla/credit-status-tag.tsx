"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";

const COLOUR = { proposed: "processing", approved: "success", rejected: "default" } as const;

export function CreditStatusTag({ status }: { status: string }) {
  const t = useTranslations("opsSla.creditStatus");
  if (status !== "proposed" && status !== "approved" && status !== "rejected") return <Tag>{status}</Tag>;
  return <Tag color={COLOUR[status]}>{t(status)}</Tag>;
}
