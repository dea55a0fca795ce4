"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";

const COLORS: Record<BillingRunView["status"], string> = { running: "processing", done: "success", failed: "error" };

export function RunStatusTag({ status }: { status: BillingRunView["status"] }) {
  const t = useTranslations("opsBilling.runs.statuses");
  return <Tag color={COLORS[status]}>{t(status)}</Tag>;
}
