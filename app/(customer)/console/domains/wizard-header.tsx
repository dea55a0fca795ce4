"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { ReloadOutlined } from "@ant-design/icons";
import type { DomainView } from "@/server/domains/domain-view";
import { MAIL_STEPS, type StepStatuses } from "@/server/domains/rules/domain-readiness";
import { DomainStateTag } from "./domain-state-tag";

/**
 * The domain, its state and what the next state still needs (from the last check's step
 * statuses), with "check now". `checking` spins the button while the check and reload run.
 */
export function WizardHeader({
  domain,
  steps,
  checkedAt,
  checking,
  onCheck,
}: {
  domain: DomainView;
  steps: StepStatuses | null;
  checkedAt: Date | null;
  checking: boolean;
  onCheck: () => void;
}) {
  const t = useTranslations("domains.wizard");
  const tSteps = useTranslations("domains.steps");
  const format = useFormatter();
  const failing = MAIL_STEPS.filter((s) => steps?.[s] !== "ok").map((s) => tSteps(`${s}.title`));
  const missing = failing.length ? failing.join(", ") : t("nothingMissing");
  const next = t(`nextState.${domain.state}`, { steps: missing });
  const alertType = { unverified: "info", owned: "warning", mail_ready: "success", degraded: "error" } as const;

  return (
    <Card>
      <Flex justify="space-between" align="start" wrap gap={16}>
        <Flex vertical gap={4}>
          <Flex align="center" gap={12}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {domain.unicodeName}
            </Typography.Title>
            <DomainStateTag state={domain.state} />
          </Flex>
          {domain.unicodeName !== domain.name && <Typography.Text type="secondary">{t("asciiName", { name: domain.name })}</Typography.Text>}
          <Typography.Text type="secondary" data-testid="last-checked">
            {checkedAt ? t("lastChecked", { when: format.dateTime(checkedAt, { dateStyle: "medium", timeStyle: "medium" }) }) : t("neverChecked")}
          </Typography.Text>
        </Flex>
        <Button type="primary" icon={<ReloadOutlined />} loading={checking} onClick={onCheck}>
          {t("checkNow")}
        </Button>
      </Flex>
      <Alert style={{ marginTop: 16 }} type={alertType[domain.state]} showIcon title={next} data-testid="next-state" />
    </Card>
  );
}
