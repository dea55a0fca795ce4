"use client";

import { Typography } from "antd";
import type { Problem } from "@/server/domains/rules/check-types";
import { useProblemText } from "./use-problem-text";

/**
 * The diagnosis of one record, each problem a sentence from the `domainChecks` messages. On a
 * record that passed they are advice (p=none, ~all), so shown as warnings rather than errors.
 */
export function ProblemList({ problems, advice = false }: { problems: readonly Problem[]; advice?: boolean }) {
  const sentence = useProblemText();
  if (problems.length === 0) return null;
  return (
    <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }} data-testid="diagnosis">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>
          <Typography.Text type={advice ? "warning" : "danger"}>{sentence(p)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
