"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";
import type { DomainState } from "@/server/generated/prisma/enums.ts";

const COLORS: Record<DomainState, string> = { unverified: "default", owned: "processing", mail_ready: "success", degraded: "error" };

export function DomainStateTag({ state }: { state: DomainState }) {
  const t = useTranslations("domains.states");
  return (
    <Tag color={COLORS[state]} data-testid="domain-state">
      {t(state)}
    </Tag>
  );
}
