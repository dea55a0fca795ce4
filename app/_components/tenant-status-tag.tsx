"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";
import type { TenantStatus } from "@/server/generated/prisma/enums.ts";

const COLORS: Record<TenantStatus, string> = { active: "green", suspended: "orange", frozen: "red" };

export function TenantStatusTag({ status }: { status: TenantStatus }) {
  const t = useTranslations("tenantStatus");
  return <Tag color={COLORS[status]}>{t(status)}</Tag>;
}
