"use client";

import { Form, Input } from "antd";

// The reason an operator gives for a money decision (an adjustment, an adjusted or rejected SLA
// credit): required, 5 to 500 characters as the server checks (so the message is in the
// reader's language before the round trip). The namespace's t gives reason, reasonHelp,
// reasonRequired and reasonLength. `required={false}`: optional, but 5 to 500 characters when given
// (an incident of the platform's own cause). `min`: a shorter floor where the server takes one
// (moving a tenant: "转为直销" is reason enough).
export const REASON_MIN = 5;
export const REASON_MAX = 500;

type T = (key: "reason" | "reasonHelp" | "reasonRequired" | "reasonLength", values?: Record<string, number>) => string;

export function ReasonField({ t, required = true, min = REASON_MIN }: { t: T; required?: boolean; min?: number }) {
  return (
    <Form.Item
      name="reason"
      label={t("reason")}
      extra={t("reasonHelp")}
      rules={[
        { required, whitespace: true, message: t("reasonRequired") },
        { min, max: REASON_MAX, message: t("reasonLength", { min, max: REASON_MAX }) },
      ]}
    >
      <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
    </Form.Item>
  );
}
