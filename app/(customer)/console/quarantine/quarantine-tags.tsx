"use client";

import { useTranslations } from "next-intl";
import { Flex, Tag, Tooltip } from "antd";
import type { QuarantineKind } from "@/server/generated/prisma/enums.ts";
import type { QuarantineReason } from "@/server/mail/quarantine/quarantine.types";

const KIND_COLOR: Record<QuarantineKind, string> = { spam: "orange", virus: "red", dmarc: "purple" };

export function KindTag({ kind }: { kind: QuarantineKind }) {
  const t = useTranslations("quarantine.kind");
  return <Tag color={KIND_COLOR[kind]}>{t(kind)}</Tag>;
}

const scoreText = (score: number | null) => (score === null ? "" : ` (${score > 0 ? "+" : ""}${Math.round(score * 100) / 100})`);

/** The rules behind a verdict as tags, the description in a tooltip; `limit` shows the first few and "+n". */
export function ReasonTags({ reasons, limit }: { reasons: QuarantineReason[]; limit?: number }) {
  const t = useTranslations("quarantine");
  if (reasons.length === 0) return <>{t("noReasons")}</>;
  const shown = limit === undefined ? reasons : reasons.slice(0, limit);
  const rest = reasons.length - shown.length;
  return (
    <Flex wrap gap={4}>
      {shown.map((r) => (
        <Tooltip key={r.name} title={r.description ? `${r.description}${scoreText(r.score)}` : scoreText(r.score).trim() || undefined}>
          <Tag style={{ marginInlineEnd: 0 }}>{r.name}</Tag>
        </Tooltip>
      ))}
      {rest > 0 && (
        <Tooltip title={reasons.slice(shown.length).map((r) => r.name).join(", ")}>
          <Tag style={{ marginInlineEnd: 0 }}>{t("moreReasons", { count: rest })}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export const formatScore = (score: number | null) => (score === null ? "—" : (Math.round(score * 10) / 10).toFixed(1));

/** A message's or attachment's size: bytes, KB or MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
