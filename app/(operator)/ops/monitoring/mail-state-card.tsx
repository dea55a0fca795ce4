"use client";

import { useTranslations } from "next-intl";
import { Col, Row, Statistic } from "antd";
import type { MailStateCounts } from "@/server/operations/monitoring/mail-state-counts";

/** What is waiting now: relay rows by state, the oldest one's age, and the quarantine. */
export function MailStateCard({ mail }: { mail: MailStateCounts }) {
  const t = useTranslations("monitoring.mail");
  const minutes = Math.round(mail.oldestWaitingSeconds / 60);
  return (
    <Row gutter={[16, 16]}>
      <Col span={12}>
        <Statistic title={t("queued")} value={mail.outbox.queued} />
      </Col>
      <Col span={12}>
        <Statistic title={t("sending")} value={mail.outbox.sending} />
      </Col>
      <Col span={12}>
        <Statistic title={t("deferred")} value={mail.outbox.deferred} styles={{ content: mail.outbox.deferred > 0 ? { color: "#d89614" } : undefined }} />
      </Col>
      <Col span={12}>
        <Statistic title={t("quarantineHeld")} value={mail.quarantineHeld} />
      </Col>
      <Col span={24}>
        <Statistic title={t("oldestWaiting")} value={minutes} suffix={t("minutes")} />
      </Col>
    </Row>
  );
}
