"use client";

import { useTranslations } from "next-intl";
import { Tag } from "antd";
import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined } from "@ant-design/icons";

export const MET_COLOUR = "#389e0d";
export const BREACHED_COLOUR = "#cf1322";
export const NO_EVIDENCE_COLOUR = "#8c8c8c";

export const verdictColour = (met: boolean | null) => (met === null ? NO_EVIDENCE_COLOUR : met ? MET_COLOUR : BREACHED_COLOUR);

/** Met, breached or no evidence: a missing measurement is never shown as met. */
export function VerdictTag({ met }: { met: boolean | null }) {
  const t = useTranslations("sla.verdict");
  if (met === null) return <Tag icon={<QuestionCircleOutlined />}>{t("noEvidence")}</Tag>;
  return met ? (
    <Tag color="success" icon={<CheckCircleOutlined />}>
      {t("met")}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined />}>
      {t("breached")}
    </Tag>
  );
}

/** A month's status: all met, breached, or no evidence at all. */
export function MonthStatusTag({ status }: { status: "met" | "breached" | "no_evidence" }) {
  const t = useTranslations("sla.status");
  const colour = { met: "success", breached: "error", no_evidence: "default" } as const;
  return <Tag color={colour[status]}>{t(status)}</Tag>;
}
