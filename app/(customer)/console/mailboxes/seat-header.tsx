"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert, Button, Card, Flex, Progress, Typography } from "antd";
import type { TSeatUsageResponse } from "@/server/tenants/mailboxes/get-seat-usage";

/** 席位: seats used of paid with a bar, and the way to billing to add more; a warning when none is free. */
export function SeatHeader({ seats }: { seats: TSeatUsageResponse }) {
  const t = useTranslations("mailboxes.seats");
  const percent = seats.paid === 0 ? 100 : Math.min(100, Math.round((seats.used / seats.paid) * 100));
  const full = seats.free === 0;
  return (
    <Card size="small" aria-label={t("title")}>
      <Flex align="center" gap={24} wrap>
        <Typography.Text strong>{t("title")}</Typography.Text>
        <Flex vertical style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text data-testid="seat-usage">{t("usage", { used: seats.used, paid: seats.paid })}</Typography.Text>
          <Progress percent={percent} status={full ? "exception" : "normal"} showInfo={false} size="small" />
        </Flex>
        <Typography.Text type={full ? "danger" : "secondary"}>{t("free", { free: seats.free })}</Typography.Text>
        <Link href="/console/billing">
          <Button>{t("billing")}</Button>
        </Link>
      </Flex>
      {full && <Alert type="warning" showIcon title={seats.paid === 0 ? t("none") : t("full")} style={{ marginTop: 12 }} />}
    </Card>
  );
}
