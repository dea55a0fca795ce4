"use client";

import { useTranslations } from "next-intl";
import { Collapse } from "antd";

/** The rule's computation, step by step, as the month close recorded it (计算过程). */
export function StepsCollapse({ steps }: { steps: readonly string[] }) {
  const t = useTranslations("sla.steps");
  if (!steps.length) return null;
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: "steps",
          label: t("title"),
          children: (
            <ol style={{ margin: 0, paddingInlineStart: 20, fontFamily: "var(--ant-font-family-code, monospace)", fontSize: 12 }}>
              {steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
}
