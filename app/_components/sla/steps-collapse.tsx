"use client";

import { useLocale, useTranslations } from "next-intl";
import { Collapse } from "antd";
import { toLocale } from "@/server/shared/locale";
import { stepIn } from "@/server/sla/rules/step-text";

/** The rule's computation, step by step, as the month close recorded it (计算过程), in the reader's language. */
export function StepsCollapse({ steps }: { steps: readonly string[] }) {
  const t = useTranslations("sla.steps");
  const locale = toLocale(useLocale());
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
                <li key={i}>{stepIn(step, locale)}</li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
}
