"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Flex, Tag, Typography } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { LastBackup } from "@/server/operations/monitoring/last-backup";

/** The alert rule BackupStale fires past this age too (docs/alerts/mailstead.rules.yml). */
const STALE_HOURS = 26;

/** The latest successful configuration backup, its age, and failures since. */
export function BackupCard({ backup, failed, now }: { backup: LastBackup | null; failed: boolean; now: Date }) {
  const t = useTranslations("monitoring.backup");
  const fmt = useDisplayFormat();
  const format = useFormatter();
  if (failed) return <Typography.Text type="secondary">{t("unreadable")}</Typography.Text>;
  if (!backup) return <Typography.Text type="secondary">{t("notSetUp")}</Typography.Text>;
  if (!backup.finishedAt) return <Tag color="red">{t("never")}</Tag>;
  const hours = Math.floor((now.getTime() - backup.finishedAt.getTime()) / 3_600_000);
  const stale = hours >= STALE_HOURS;
  return (
    <Flex vertical gap={4}>
      <span>
        <Tag color={stale ? "red" : "green"}>{stale ? t("stale") : t("fresh")}</Tag>
        {t("lastSuccess", { time: fmt.shortDateTime(backup.finishedAt), ago: format.relativeTime(backup.finishedAt, now) })}
      </span>
      {backup.failedSince > 0 && <Typography.Text type="danger">{t("failedSince", { count: backup.failedSince })}</Typography.Text>}
    </Flex>
  );
}
