"use client";

import { useTranslations } from "next-intl";
import { Collapse, Flex, Steps, Typography } from "antd";
import type { DkimKeyView } from "@/server/domains/domain-view";
import type { CheckStatus } from "@/server/domains/rules/check-types";
import { CheckStatusBadge } from "./check-status-badge";
import { RecordTable } from "./record-table";
import type { WizardStep } from "./wizard-types";

const STEP_STATUS: Record<CheckStatus, "finish" | "error" | "process" | "wait"> = {
  ok: "finish",
  missing: "error",
  wrong: "error",
  pending: "process",
  unknown: "wait",
};

/**
 * The six steps as a progress line, then one panel per step with its records. Steps not yet ok
 * start open. `dkimKeys` tags each DKIM record with its key's status (a rotation's new key).
 */
export function WizardSteps({ steps, dkimKeys }: { steps: WizardStep[]; dkimKeys: DkimKeyView[] }) {
  const t = useTranslations("domains.steps");
  const open = steps.filter((s) => s.status !== "ok").map((s) => s.group);
  // The current step is the first one not yet ok; past the end once all are.
  const current = steps.findIndex((s) => s.status !== "ok");
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={current === -1 ? steps.length : current}
        items={steps.map((s) => ({ title: t(`${s.group}.title`), status: s.status ? STEP_STATUS[s.status] : "wait" }))}
      />
      <Collapse
        key={open.join(",")}
        defaultActiveKey={open}
        items={steps.map((s) => ({
          key: s.group,
          label: (
            <Flex justify="space-between" gap={16} data-testid={`step-${s.group}`} data-status={s.status ?? "none"}>
              <Typography.Text strong>{t(`${s.group}.title`)}</Typography.Text>
              <CheckStatusBadge status={s.status} />
            </Flex>
          ),
          children: (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t(`${s.group}.help`)}</Typography.Text>
              <RecordTable records={s.records} dkimKeys={dkimKeys} />
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
