"use client";

import { Form, Input } from "antd";

// An amount of money typed in yuan (the form's `amount`), required; `problem` says what is wrong
// with a typed text (null when it reads as an acceptable amount), so each form keeps its own rule:
// positive only, or signed. The namespace's t gives amount and amountRequired.

type T = (key: "amount" | "amountRequired") => string;

export function YuanAmountField({ t, extra, placeholder, problem }: { t: T; extra?: string; placeholder?: string; problem: (text: string) => string | null }) {
  return (
    <Form.Item
      name="amount"
      label={t("amount")}
      extra={extra}
      rules={[
        { required: true, message: t("amountRequired") },
        {
          validator: async (_, text: string | undefined) => {
            if (!text) return;
            const wrong = problem(text);
            if (wrong !== null) throw new Error(wrong);
          },
        },
      ]}
    >
      <Input prefix="¥" inputMode="decimal" autoComplete="off" placeholder={placeholder} />
    </Form.Item>
  );
}
